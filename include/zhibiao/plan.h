/**
 * @file plan.h
 * @brief The indicator-system model (指标体系): one plan with its metadata, responsible
 *        units, categories, indicators, tasks, body text, attachments and period actuals.
 *
 * Ownership: a ::zb_plan owns everything it holds. Every string passed in is copied;
 * every string handed out is owned by the plan and stays valid until the plan is changed
 * by a call that removes or replaces that item (zb_json_load(), zb_csv_load()) or freed.
 * Getters never return NULL for a valid index: an unset text is "". They return NULL
 * (or 0, NaN, ::ZB_NONE) for an invalid index.
 *
 * Items are addressed by their index, in the order they were added. Indicators are also
 * addressed by their sequence number (序号) through zb_plan_find_indicator().
 *
 * Names are normalised when they are added: spaces, U+00A0 and U+3000 next to Chinese
 * characters are removed (`牵 引 性 指 标` → `牵引性指标`, `“ 品字标浙江制造”` →
 * `“品字标浙江制造”`), other runs of white space become one space, and the ends are
 * trimmed. Each change is recorded and reported as a note by zb_plan_validate().
 *
 * A plan may be read by several threads at once; changing it needs the caller's lock.
 */
#ifndef ZB_PLAN_H
#define ZB_PLAN_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Opaque handle to a plan. Create with zb_plan_new(), free with zb_plan_free(). */
typedef struct zb_plan zb_plan;

/* ------------------------------------------------------------------------------------ */
/** @name Lifetime and errors */
/**@{*/

/** @brief A new, empty plan. Returns NULL only when out of memory. Free with zb_plan_free(). */
ZB_API zb_plan *zb_plan_new(void);

/** @brief Frees the plan and everything it owns. NULL is a no-op. */
ZB_API void zb_plan_free(zb_plan *plan);

/**
 * @brief The detail of the last failed call that changed this plan, e.g.
 *        `plan.json:14:7: target of 新增“小升规”企业 is not a number: "六十二"`.
 * @return Owned by the plan; "" when the last such call succeeded; "" for NULL.
 */
ZB_API const char *zb_errmsg(const zb_plan *plan);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Document metadata */
/**@{*/

/** @brief The text fields of a plan's document metadata. Values are only ever appended. */
typedef enum zb_meta {
    ZB_META_TITLE = 0,      /**< Title of the plan, e.g. 桐庐县“415X”先进制造业集群培育工程2024年工作要点. */
    ZB_META_ORGAN = 1,      /**< Issuing organ (发文机关), e.g. 武义县人民政府. */
    ZB_META_ORGAN_MARK = 2, /**< Issuing-organ mark (发文机关标志); "" means organ + "文件". */
    ZB_META_DOC_NUMBER = 3, /**< Document number (发文字号), e.g. 武政发〔2022〕11号. */
    ZB_META_SIGNATURE = 4,  /**< Signature (署名); "" means the issuing organ. */
    ZB_META_NOTE = 5,       /**< The 附注 line, e.g. (此件公开发布). */
    ZB_META_PRINTER = 6,    /**< Printing organ (印发机关), e.g. 武义县人民政府办公室. */
    ZB_META_INDEX_NO = 7,   /**< 索引号 as a government site prints it, e.g. 113307230026011330/2022-264120. */
    ZB_META_PUBLISHER = 8,  /**< 发布机构: the office that published it on the site, e.g. 县府办. */
    ZB_META_VALIDITY = 9,   /**< 有效性, e.g. 有效. */
    ZB_META_DISCLOSURE = 10, /**< 公开方式, e.g. 主动公开. */
    /**
     * Title of the plan a notice issues (印发…的通知), e.g. 武义县新一轮制造业“腾笼换鸟、凤凰涅槃”
     * 攻坚行动方案; its text is the blocks of part ::ZB_PART_PLAN. "" when the document is
     * the plan itself.
     */
    ZB_META_PLAN_TITLE = 11
} zb_meta;

/** @brief Sets a metadata text (copied, its ends trimmed). NULL clears it. ::ZB_ERR_ARGUMENT for a bad field. */
ZB_API zb_status zb_plan_set_meta(zb_plan *plan, zb_meta field, const char *text);

/** @brief A metadata text; "" when unset; NULL for a bad field. Owned by the plan. */
ZB_API const char *zb_plan_meta(const zb_plan *plan, zb_meta field);

/** @brief The dates a plan carries. */
typedef enum zb_date_field {
    ZB_DATE_ISSUED = 0, /**< 成文日期: the date the document was signed. */
    ZB_DATE_PRINTED = 1,  /**< 印发日期: the date it was printed and distributed. */
    ZB_DATE_PUBLISHED = 2 /**< 发布日期: the date a site published it. */
} zb_date_field;

/**
 * @brief Sets a date. An all-zero date clears it.
 * @return ::ZB_ERR_VALUE for a date that does not exist (2024-02-30); the plan is unchanged.
 */
ZB_API zb_status zb_plan_set_date(zb_plan *plan, zb_date_field field, zb_date date);

/** @brief A date; all-zero when unset or for a bad field. */
ZB_API zb_date zb_plan_date(const zb_plan *plan, zb_date_field field);

/**
 * @brief Sets the year or span of years the plan covers: 2024–2024, or 2021–2023.
 * @return ::ZB_ERR_VALUE unless 1900 <= first <= last <= 9999; 0, 0 clears the span.
 */
ZB_API zb_status zb_plan_set_years(zb_plan *plan, int first, int last);

/** @brief First year of the span; 0 when unset. */
ZB_API int zb_plan_first_year(const zb_plan *plan);

/** @brief Last year of the span; 0 when unset. Equals the first year for a one-year plan. */
ZB_API int zb_plan_last_year(const zb_plan *plan);

/** @brief Appends a recipient (主送机关), e.g. 各乡镇人民政府. Copied and normalised. */
ZB_API zb_status zb_plan_add_recipient(zb_plan *plan, const char *name);
/** @brief Number of recipients. */
ZB_API size_t zb_plan_recipient_count(const zb_plan *plan);
/** @brief Recipient @p i, owned by the plan; NULL for a bad index. */
ZB_API const char *zb_plan_recipient(const zb_plan *plan, size_t i);

/** @brief Appends a copy-to organ (抄送), e.g. 县委各部门. Copied and normalised. */
ZB_API zb_status zb_plan_add_copy_to(zb_plan *plan, const char *name);
/** @brief Number of copy-to organs. */
ZB_API size_t zb_plan_copy_to_count(const zb_plan *plan);
/** @brief Copy-to organ @p i, owned by the plan; NULL for a bad index. */
ZB_API const char *zb_plan_copy_to(const zb_plan *plan, size_t i);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Responsible units (the unit directory, e.g. the seed's 附件3) */
/**@{*/

/**
 * @brief Adds a responsible unit to the directory.
 * @param name      Short name as plans write it, e.g. 县经信局. Required, copied, normalised.
 * @param full_name Full name, e.g. 桐庐县经济和信息化局; NULL or "" for none.
 * @return ::ZB_ERR_DUPLICATE if a unit of that name exists; ::ZB_ERR_VALUE for an empty name.
 */
ZB_API zb_status zb_plan_add_unit(zb_plan *plan, const char *name, const char *full_name);
/** @brief Number of units in the directory. */
ZB_API size_t zb_plan_unit_count(const zb_plan *plan);
/** @brief Short name of unit @p i; NULL for a bad index. */
ZB_API const char *zb_plan_unit_name(const zb_plan *plan, size_t i);
/** @brief Full name of unit @p i; "" when none; NULL for a bad index. */
ZB_API const char *zb_plan_unit_full_name(const zb_plan *plan, size_t i);
/** @brief Index of the unit with this short name (after normalisation), or ::ZB_NONE. */
ZB_API size_t zb_plan_find_unit(const zb_plan *plan, const char *name);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Categories (类别), in order */
/**@{*/

/**
 * @brief Appends a category. @p index_out (may be NULL) receives its index.
 * @return ::ZB_ERR_DUPLICATE if a category of that name exists (its index is still
 *         stored in @p index_out); ::ZB_ERR_VALUE for an empty name.
 */
ZB_API zb_status zb_plan_add_category(zb_plan *plan, const char *name, size_t *index_out);
/** @brief Number of categories. */
ZB_API size_t zb_plan_category_count(const zb_plan *plan);
/** @brief Name of category @p i; NULL for a bad index. */
ZB_API const char *zb_plan_category_name(const zb_plan *plan, size_t i);
/** @brief Index of the category with this name (after normalisation), or ::ZB_NONE. */
ZB_API size_t zb_plan_find_category(const zb_plan *plan, const char *name);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Indicators (指标) */
/**@{*/

/** @brief How a target is qualified in prose. ::ZB_QUAL_AUTO only in ::zb_indicator_def. */
typedef enum zb_qualifier {
    ZB_QUAL_AUTO = 0,     /**< Read it from the target text (以上, 左右, 以下/以内/不超过, ≥, ≈, ≤). */
    ZB_QUAL_NONE = 1,     /**< Plain target. */
    ZB_QUAL_AT_LEAST = 2, /**< ≥: 以上, 不低于. */
    ZB_QUAL_ABOUT = 3,    /**< ≈: 左右, 约. */
    ZB_QUAL_AT_MOST = 4   /**< ≤: 以下, 以内, 不超过. */
} zb_qualifier;

/** @brief How progress on an indicator is judged. ::ZB_KIND_AUTO only in ::zb_indicator_def. */
typedef enum zb_kind {
    ZB_KIND_AUTO = 0,       /**< Infer from the name (zb_infer_kind()). */
    ZB_KIND_CUMULATIVE = 1, /**< A count or amount that accumulates through the year: actual / target, 序时 applies. */
    ZB_KIND_RATE = 2,       /**< A growth rate (增速, 增长): the year-to-date rate against the target rate. */
    ZB_KIND_LEVEL = 3       /**< A share or level (占比, 比重, 覆盖率, 保有): the level at period end. */
} zb_kind;

/** @brief Which way is better. ::ZB_DIR_AUTO only in ::zb_indicator_def and the setters. */
typedef enum zb_direction {
    ZB_DIR_AUTO = 0,   /**< Infer from the target and the name (zb_plan_indicator_direction()). */
    ZB_DIR_HIGHER = 1, /**< Higher is better (the usual case; a 下降 target stated as a positive decrease is this). */
    ZB_DIR_LOWER = 2   /**< Lower is better, e.g. energy use per unit of value added. */
} zb_direction;

/** @brief The attribute (指标属性) that five-year and three-year plans give each indicator. */
typedef enum zb_attribute {
    ZB_ATTR_NONE = 0,        /**< Not stated. */
    ZB_ATTR_BINDING = 1,     /**< 约束性: binding, an obligation on the government. */
    ZB_ATTR_ANTICIPATORY = 2 /**< 预期性: anticipatory, an expected outcome. */
} zb_attribute;

/** @brief What a target cell holds (zb_classify_target()). */
typedef enum zb_target_class {
    ZB_TARGET_NONE = 0,        /**< Empty or a placeholder: `—`, `-`, `/`, `无`. */
    ZB_TARGET_NUMERIC = 1,     /**< One number, maybe qualified (`6.5以上`) or a stated change (`下降3%`). */
    ZB_TARGET_QUALITATIVE = 2, /**< A recognised phrase without a number: 完成市下达任务, 持续提升, 保持稳定. */
    ZB_TARGET_UNRECOGNISED = 3 /**< Text that is neither; zb_plan_validate() warns, naming the cell. */
} zb_target_class;

/** @brief How a numeric target is stated: as the value itself or as a change from the base. */
typedef enum zb_change {
    ZB_CHANGE_NONE = 0,    /**< The value itself: `450`, `6.5以上`. */
    ZB_CHANGE_PERCENT = 1, /**< A relative change: `下降3%` (−3), `增长8%` (8). */
    ZB_CHANGE_POINTS = 2,  /**< A change in percentage points: `提高2个百分点` (2). */
    ZB_CHANGE_AMOUNT = 3,  /**< A change in the indicator's unit: `减少10家` (−10). */
    ZB_CHANGE_ANNUAL = 4   /**< A yearly rate of change: `年均增长6%` (6), compounded over the years from the base. */
} zb_change;

/**
 * @brief What zb_plan_add_indicator() needs. All-zero fields mean defaults;
 *        fields are only ever appended. Strings are copied.
 */
typedef struct zb_indicator_def {
    /** Sequence number (序号), > 0 and unique; 0 = one more than the largest so far. */
    int seq;
    /** Category name; created at the end of the category list if new; NULL or "" = none. */
    const char *category;
    /** Indicator name as published, e.g. 新增“小升规”企业(家). Required. */
    const char *name;
    /** Measurement unit (计量单位); NULL = take it from the name (zb_infer_unit()); "" = none. */
    const char *unit;
    /**
     * Target as displayed, e.g. "450", "20%", "6.5以上", "≥20". The number and, with
     * ::ZB_QUAL_AUTO, the qualifier are read from it. NULL or "" = no target.
     */
    const char *target;
    /** Qualifier; ::ZB_QUAL_AUTO = read from the target text. */
    zb_qualifier qualifier;
    /** Kind; ::ZB_KIND_AUTO = inferred from the name. */
    zb_kind kind;
    /** Direction; ::ZB_DIR_AUTO = inferred from the name. */
    zb_direction direction;
    /**
     * Responsible units in one string, the lead first, separated by 、 , ， ; ； or
     * white space outside brackets and quotes, e.g. "县发改局、开发区" (but
     * "各县（市、区）人民政府" is one unit). NULL = none; more can be appended with
     * zb_plan_add_indicator_responsible().
     */
    const char *responsible;
    /** Where the indicator came from, for messages, e.g. "plan.json:14:7"; NULL = none. */
    const char *source;
    /** Weight in the annual assessment (考核权重), > 0; 0 = 1 (all indicators equal). */
    double weight;
    /** Year of @p target (`2025年目标值`); 0 = not tied to a year: the plan's own. */
    int target_year;
    /** Attribute (属性); ::ZB_ATTR_NONE = not stated. */
    zb_attribute attribute;
    /** Base value as displayed (基期值, `2024年基数`), e.g. "1,200"; NULL or "" = none. */
    const char *base;
    /** Year of the base value, e.g. 2020; 0 = not stated. */
    int base_year;
    /** Remark (备注) as written; NULL = none. */
    const char *note;
} zb_indicator_def;

/**
 * @brief Appends an indicator.
 * @param index_out May be NULL; receives the new indicator's index.
 * @return ::ZB_ERR_DUPLICATE for a sequence number in use, ::ZB_ERR_VALUE for a negative
 *         sequence number or an enum out of range, ::ZB_ERR_ARGUMENT for a NULL name.
 *         An empty name or a target without a number is accepted and reported by
 *         zb_plan_validate(), so that a whole table can be checked at once.
 */
ZB_API zb_status zb_plan_add_indicator(zb_plan *plan, const zb_indicator_def *def, size_t *index_out);

/** @brief Appends one responsible unit to indicator @p i (the first one added is the lead). */
ZB_API zb_status zb_plan_add_indicator_responsible(zb_plan *plan, size_t i, const char *unit);

/** @brief Number of indicators. */
ZB_API size_t zb_plan_indicator_count(const zb_plan *plan);
/** @brief Index of the indicator with sequence number @p seq, or ::ZB_NONE. */
ZB_API size_t zb_plan_find_indicator(const zb_plan *plan, int seq);
/** @brief Sequence number of indicator @p i; 0 for a bad index. */
ZB_API int zb_plan_indicator_seq(const zb_plan *plan, size_t i);
/** @brief Category index of indicator @p i, or ::ZB_NONE when it has none or for a bad index. */
ZB_API size_t zb_plan_indicator_category(const zb_plan *plan, size_t i);
/** @brief Name as given (normalised), e.g. 新增“小升规”企业(家). */
ZB_API const char *zb_plan_indicator_name(const zb_plan *plan, size_t i);
/**
 * @brief The name without the trailing unit group when the unit was taken from it:
 *        新增“小升规”企业(家) → 新增“小升规”企业. Otherwise the name.
 */
ZB_API const char *zb_plan_indicator_bare_name(const zb_plan *plan, size_t i);
/** @brief Measurement unit (given or inferred); "" when none. */
ZB_API const char *zb_plan_indicator_unit(const zb_plan *plan, size_t i);
/**
 * @brief Nonzero when the unit was given apart from the name (a 计量单位 column, the JSON
 *        `unit` key, zb_plan_indicator_set_unit()), 0 when it was read from the name.
 *        The target table shows a unit column when any indicator's unit was given.
 */
ZB_API int zb_plan_indicator_unit_given(const zb_plan *plan, size_t i);

/*
 * The single-target getters below describe the indicator's *primary* target
 * (zb_plan_indicator_primary_target()): the target for the plan's last year, else the one
 * tied to no year, else the one for the latest year. For a one-year plan that is simply
 * its target. The indexed getters (`…_at`) reach every target.
 */

/** @brief Primary target as displayed, e.g. "20%"; "" when none. */
ZB_API const char *zb_plan_indicator_target_text(const zb_plan *plan, size_t i);
/**
 * @brief Primary target as the number actuals are compared with (zb_plan_indicator_target_value_at());
 *        NaN when it holds none or for a bad index.
 */
ZB_API double zb_plan_indicator_target(const zb_plan *plan, size_t i);
/** @brief Qualifier of the primary target (::ZB_QUAL_NONE when none; ::ZB_QUAL_AUTO for a bad index). */
ZB_API zb_qualifier zb_plan_indicator_qualifier(const zb_plan *plan, size_t i);
/** @brief Class of the primary target; ::ZB_TARGET_NONE when there is none or for a bad index. */
ZB_API zb_target_class zb_plan_indicator_target_class(const zb_plan *plan, size_t i);
/**
 * @brief Kind (never ::ZB_KIND_AUTO for a valid index): as given, else inferred from the name
 *        and the unit wherever it is written (zb_infer_kind_with_unit()).
 */
ZB_API zb_kind zb_plan_indicator_kind(const zb_plan *plan, size_t i);
/**
 * @brief Direction (never ::ZB_DIR_AUTO for a valid index): as given, else what the primary
 *        target says (a `≤` qualifier or a stated decrease of a level: lower; `≥` or a stated
 *        increase: higher), else what the name says (zb_infer_direction()).
 */
ZB_API zb_direction zb_plan_indicator_direction(const zb_plan *plan, size_t i);
/** @brief Attribute (属性); ::ZB_ATTR_NONE when not stated or for a bad index. */
ZB_API zb_attribute zb_plan_indicator_attribute(const zb_plan *plan, size_t i);
/** @brief Year of the base value (基期); 0 when not stated or for a bad index. */
ZB_API int zb_plan_indicator_base_year(const zb_plan *plan, size_t i);
/** @brief Base value as displayed, e.g. "1,200"; "" when none. */
ZB_API const char *zb_plan_indicator_base_text(const zb_plan *plan, size_t i);
/** @brief Base value as a number; NaN when the text holds no single number or for a bad index. */
ZB_API double zb_plan_indicator_base_value(const zb_plan *plan, size_t i);
/** @brief Remark (备注); "" when none. */
ZB_API const char *zb_plan_indicator_note(const zb_plan *plan, size_t i);

/** @brief Number of targets of indicator @p i (one per year; 0 when it has none). */
ZB_API size_t zb_plan_indicator_target_count(const zb_plan *plan, size_t i);
/**
 * @brief Index of the primary target (see above) among the targets of indicator @p i, or
 *        ::ZB_NONE when it has none. Depends on the plan's years.
 */
ZB_API size_t zb_plan_indicator_primary_target(const zb_plan *plan, size_t i);
/** @brief Index of the target of indicator @p i for @p year (0 = the one tied to no year), or ::ZB_NONE. */
ZB_API size_t zb_plan_indicator_find_target(const zb_plan *plan, size_t i, int year);
/** @brief Year of target @p k; 0 when it is tied to no year or for a bad index. Targets are kept in year order, 0 first. */
ZB_API int zb_plan_indicator_target_year(const zb_plan *plan, size_t i, size_t k);
/** @brief Text of target @p k as displayed (`≥520`, `完成市下达任务`, `—`); NULL for a bad index. */
ZB_API const char *zb_plan_indicator_target_text_at(const zb_plan *plan, size_t i, size_t k);
/**
 * @brief The number actuals are compared with for target @p k: the number written
 *        (`6.5以上` → 6.5); for a stated change, the level it leads to from the base value
 *        (`下降3%` from 0.5 → 0.485), or the change itself where the name is a rate or no base
 *        is known (docs/progress.md). NaN when there is none (qualitative, placeholder).
 */
ZB_API double zb_plan_indicator_target_value_at(const zb_plan *plan, size_t i, size_t k);
/** @brief Qualifier of target @p k: as given, else as written, else implied by a stated change. */
ZB_API zb_qualifier zb_plan_indicator_target_qualifier_at(const zb_plan *plan, size_t i, size_t k);
/** @brief Class of target @p k; ::ZB_TARGET_NONE for a bad index. */
ZB_API zb_target_class zb_plan_indicator_target_class_at(const zb_plan *plan, size_t i, size_t k);
/** @brief How target @p k is stated (a value or a change); ::ZB_CHANGE_NONE for a bad index. */
ZB_API zb_change zb_plan_indicator_target_change_at(const zb_plan *plan, size_t i, size_t k);
/** @brief The change as written, signed: −3 for `下降3%`, 2 for `提高2个百分点`; NaN when not a change. */
ZB_API double zb_plan_indicator_target_change_amount_at(const zb_plan *plan, size_t i, size_t k);
/**
 * @brief Nonzero when target @p k is a change (`下降3%`) of a level or amount that has no
 *        base value to start from: its value is then the size of the change in the sense
 *        written (3), and actuals of the indicator are read as that change (docs/progress.md).
 */
ZB_API int zb_plan_indicator_target_as_change_at(const zb_plan *plan, size_t i, size_t k);
/**
 * @brief Nonzero when the value of target @p k was worked out from the base value: a stated
 *        change of a level or amount (`下降3%` from 0.5 → 0.485).
 */
ZB_API int zb_plan_indicator_target_from_base_at(const zb_plan *plan, size_t i, size_t k);

/**
 * @brief Sets, replaces or removes the target of indicator @p i for @p year.
 * @param year      The target's year, 1900–9999, or 0 for the target tied to no year.
 * @param text      The target as displayed; NULL removes the target of that year (if any).
 *                  "" or a placeholder (`—`) is kept as written, of class ::ZB_TARGET_NONE.
 * @param qualifier ::ZB_QUAL_AUTO = read it from the text.
 * @return ::ZB_ERR_ARGUMENT for a bad index, ::ZB_ERR_VALUE for a bad year or qualifier,
 *         ::ZB_ERR_ENCODING for text that is not UTF-8.
 */
ZB_API zb_status zb_plan_indicator_set_target(zb_plan *plan, size_t i, int year, const char *text,
                                              zb_qualifier qualifier);
/** @brief Sets the unit (copied, normalised); NULL = read it from the name again; "" = none. */
ZB_API zb_status zb_plan_indicator_set_unit(zb_plan *plan, size_t i, const char *unit);
/** @brief Sets the kind; ::ZB_KIND_AUTO = infer it again. ::ZB_ERR_VALUE for a value out of range. */
ZB_API zb_status zb_plan_indicator_set_kind(zb_plan *plan, size_t i, zb_kind kind);
/** @brief Sets the direction; ::ZB_DIR_AUTO = infer it again. ::ZB_ERR_VALUE for a value out of range. */
ZB_API zb_status zb_plan_indicator_set_direction(zb_plan *plan, size_t i, zb_direction direction);
/** @brief Sets the assessment weight; 0 = the default 1. ::ZB_ERR_VALUE unless finite and > 0. */
ZB_API zb_status zb_plan_indicator_set_weight(zb_plan *plan, size_t i, double weight);
/** @brief Sets the attribute. ::ZB_ERR_VALUE for a value out of range. */
ZB_API zb_status zb_plan_indicator_set_attribute(zb_plan *plan, size_t i, zb_attribute attribute);
/**
 * @brief Sets the base value (基期值) and its year; @p text NULL or "" clears both.
 * @return ::ZB_ERR_VALUE for a year other than 0 or 1900–9999.
 */
ZB_API zb_status zb_plan_indicator_set_base(zb_plan *plan, size_t i, int year, const char *text);
/** @brief Sets the remark (备注), copied with its ends trimmed; NULL clears it. */
ZB_API zb_status zb_plan_indicator_set_note(zb_plan *plan, size_t i, const char *note);
/** @brief Number of responsible units of indicator @p i. */
ZB_API size_t zb_plan_indicator_responsible_count(const zb_plan *plan, size_t i);
/** @brief Responsible unit @p j of indicator @p i, as written; j = 0 is the lead (牵头单位). */
ZB_API const char *zb_plan_indicator_responsible(const zb_plan *plan, size_t i, size_t j);
/** @brief The lead unit (the first responsible unit); "" when none. */
ZB_API const char *zb_plan_indicator_lead(const zb_plan *plan, size_t i);
/** @brief Where the indicator came from ("plan.json:14:7"); "" when not known. */
ZB_API const char *zb_plan_indicator_source(const zb_plan *plan, size_t i);
/** @brief Assessment weight of indicator @p i (1 unless given); NaN for a bad index. */
ZB_API double zb_plan_indicator_weight(const zb_plan *plan, size_t i);

/**
 * @brief The measurement unit a name carries: the content of the parenthesised group
 *        (ASCII or full-width brackets) that ends the name, when nothing follows it.
 *        培育智能工厂(数字化车间)(家) → 家; 规上工业增加值增速(%) → %;
 *        新增市级以上首台(套)项目 → "" (the group is inside the name).
 * @param name UTF-8 name; NULL gives "".
 * @param buf  Receives the unit, NUL-terminated and truncated to @p size - 1 bytes.
 * @return The length of the unit in bytes (0 when none).
 */
ZB_API size_t zb_infer_unit(const char *name, char *buf, size_t size);

/**
 * @brief Reads a target as displayed: the number and the qualifier written around it.
 *        "450" → 450, none; "20%" → 20, none; "6.5以上" / "≥6.5" / ">=6.5" / "不低于6.5" → 6.5, ≥;
 *        "5左右" / "约5" / "≈5" → 5, ≈; "3以下" / "以内" / "不超过3" / "≤3" → 3, ≤. Full-width digits
 *        and thousands separators (1,200) are accepted, and so is a unit written after the
 *        number (62家, 5个以上, 0.5万千瓦).
 * @param value     May be NULL; receives the number, NaN when there is none.
 * @param qualifier May be NULL; receives the qualifier (::ZB_QUAL_NONE when none is written).
 * @return 1 when the text holds exactly one number, 0 otherwise (text such as "持续提升").
 */
ZB_API int zb_parse_target(const char *text, double *value, zb_qualifier *qualifier);

/**
 * @brief The kind a name suggests: 增速, 增长, 增幅 → rate; 占比, 比重, 覆盖率, 保有, a name ending
 *        in 率, a unit of %, an intensity (a name starting with 单位 or 每, one holding 人均,
 *        亩均, 户均, 地均, 每万, 每千, 每百, or a unit per something such as 吨标煤/万元) →
 *        level; anything else → cumulative.
 */
ZB_API zb_kind zb_infer_kind(const char *name);

/**
 * @brief zb_infer_kind() with the unit wherever it is written: @p unit (a 计量单位 column; NULL
 *        or "" = none) counts as if it closed the name, so `规上工业亩均税收` with `万元/亩` is a
 *        level, as `规上工业亩均税收(万元/亩)` is.
 */
ZB_API zb_kind zb_infer_kind_with_unit(const char *name, const char *unit);

/**
 * @brief What a target cell holds (docs/format.md, "Target cells"):
 *        - empty, or a placeholder (`—`, `——`, `-`, `/`, `\`, `无`, `暂无`, `不适用`) → ::ZB_TARGET_NONE;
 *        - one number as zb_parse_target() reads it → ::ZB_TARGET_NUMERIC, ::ZB_CHANGE_NONE;
 *        - a stated change, optionally after 比上年 / 较2020年 / 同比: 下降, 降低, 减少, 削减, 压减,
 *          压降 (decrease) or 增长, 提高, 提升, 上升, 增加 (increase) with one number and `%`
 *          (::ZB_CHANGE_PERCENT), `个百分点` (::ZB_CHANGE_POINTS) or another unit
 *          (::ZB_CHANGE_AMOUNT), and an optional qualifier (`下降3%以上`); after 年均, a yearly
 *          rate (::ZB_CHANGE_ANNUAL) → ::ZB_TARGET_NUMERIC;
 *        - text without digits that holds 下达 (完成省/市/县/上级下达任务) or a word of progress or
 *          steadiness (持续提升, 稳步提升, 保持稳定, 确保完成, 不低于上年, …) → ::ZB_TARGET_QUALITATIVE;
 *        - anything else → ::ZB_TARGET_UNRECOGNISED.
 * @param number    May be NULL; the number written, signed for a change (−3 for 下降3%); NaN when none.
 * @param qualifier May be NULL; the qualifier written (::ZB_QUAL_NONE when none).
 * @param change    May be NULL; how the number is stated.
 */
ZB_API zb_target_class zb_classify_target(const char *text, double *number, zb_qualifier *qualifier,
                                          zb_change *change);

/**
 * @brief The direction a name suggests: lower is better for energy use, emissions,
 *        accidents, deaths and incidence rates (能耗, 排放, 事故, 死亡, 发生率) unless the name
 *        states a decrease (下降, 降低, 减少, 削减, 节约), whose positive target is
 *        higher-is-better. Anything else → higher.
 */
ZB_API zb_direction zb_infer_direction(const char *name);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Tasks (重点任务) and their responsibility items */
/**@{*/

/** @brief What zb_plan_add_task() needs. All-zero means defaults; strings are copied. */
typedef struct zb_task_def {
    /** Task number as printed, e.g. "1", "12"; NULL = none. */
    const char *number;
    /** Headings above the task, outermost first, e.g. {"二、重点任务", "(一)深化…"}; may be NULL. */
    const char *const *headings;
    /** Number of entries in @p headings. */
    size_t heading_count;
    /** Title (the first sentence), e.g. 全面落实产业链“链长+链主”制. */
    const char *title;
    /** The task's full text. */
    const char *text;
    /** Where it came from, for messages; NULL = none. */
    const char *source;
} zb_task_def;

/** @brief Appends a task; @p index_out may be NULL. ::ZB_ERR_ARGUMENT for headings NULL with a count. */
ZB_API zb_status zb_plan_add_task(zb_plan *plan, const zb_task_def *def, size_t *index_out);
/** @brief Number of tasks. */
ZB_API size_t zb_plan_task_count(const zb_plan *plan);
/** @brief Task number as printed; "" when none. */
ZB_API const char *zb_plan_task_number(const zb_plan *plan, size_t t);
/** @brief Number of headings above task @p t. */
ZB_API size_t zb_plan_task_heading_count(const zb_plan *plan, size_t t);
/** @brief Heading @p k above task @p t, outermost first. */
ZB_API const char *zb_plan_task_heading(const zb_plan *plan, size_t t, size_t k);
/** @brief Title of task @p t. */
ZB_API const char *zb_plan_task_title(const zb_plan *plan, size_t t);
/** @brief Full text of task @p t. */
ZB_API const char *zb_plan_task_text(const zb_plan *plan, size_t t);
/** @brief Where task @p t came from; "" when not known. */
ZB_API const char *zb_plan_task_source(const zb_plan *plan, size_t t);

/**
 * @brief Appends a responsibility item (责任分工) to task @p t: the sentences it closes and
 *        the units named for them, the lead first.
 * @param text        The sentences the item covers; NULL = the whole task.
 * @param responsible Units in one string, lead first, separated as in ::zb_indicator_def.
 * @param note        What the item says that is not a unit (…配合, 下同); NULL = none.
 */
ZB_API zb_status zb_plan_add_task_duty(zb_plan *plan, size_t t, const char *text,
                                       const char *responsible, const char *note);
/** @brief Number of responsibility items of task @p t. */
ZB_API size_t zb_plan_task_duty_count(const zb_plan *plan, size_t t);
/** @brief Text of item @p d of task @p t; "" when it covers the whole task. */
ZB_API const char *zb_plan_task_duty_text(const zb_plan *plan, size_t t, size_t d);
/** @brief Note of item @p d of task @p t; "" when none. */
ZB_API const char *zb_plan_task_duty_note(const zb_plan *plan, size_t t, size_t d);
/** @brief Number of units named in item @p d of task @p t. */
ZB_API size_t zb_plan_task_duty_responsible_count(const zb_plan *plan, size_t t, size_t d);
/**
 * @brief Unit @p k of item @p d of task @p t, the leads first: units 0 to
 *        zb_plan_task_duty_lead_count() − 1 lead (牵头), the rest cooperate (配合).
 */
ZB_API const char *zb_plan_task_duty_responsible(const zb_plan *plan, size_t t, size_t d, size_t k);
/**
 * @brief How many of the units of item @p d of task @p t lead: 1 unless set (a note such as
 *        `牵头单位:县发改局、县经信局;配合单位:…` names two); 0 for an item without units or a
 *        bad index.
 */
ZB_API size_t zb_plan_task_duty_lead_count(const zb_plan *plan, size_t t, size_t d);
/**
 * @brief Sets how many of the item's units lead: the first @p count of them.
 * @return ::ZB_ERR_ARGUMENT for a bad index; ::ZB_ERR_VALUE unless 1 <= @p count <= the
 *         item's number of units. The plan is unchanged on error.
 */
ZB_API zb_status zb_plan_set_task_duty_lead_count(zb_plan *plan, size_t t, size_t d, size_t count);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Body text: headings and paragraphs, in order */
/**@{*/

/** @brief Which text a body block belongs to. */
typedef enum zb_part {
    ZB_PART_DOCUMENT = 0, /**< The document's own text: the notice's, or the plan's when the document is the plan. */
    ZB_PART_PLAN = 1      /**< The text of the plan a notice issues, printed after the notice under ZB_META_PLAN_TITLE. */
} zb_part;

/**
 * @brief Appends a block of body text to the document's own text (::ZB_PART_DOCUMENT).
 * @param level 0 for a paragraph; 1 to 4 for a heading of the levels 一、 (一) 1. (1).
 * @return ::ZB_ERR_VALUE for a level outside 0..4.
 */
ZB_API zb_status zb_plan_add_block(zb_plan *plan, int level, const char *text);
/** @brief Appends a block of body text to @p part; as zb_plan_add_block() otherwise. */
ZB_API zb_status zb_plan_add_block_to(zb_plan *plan, zb_part part, int level, const char *text);
/** @brief The part block @p b belongs to; ::ZB_PART_DOCUMENT for a bad index. */
ZB_API zb_part zb_plan_block_part(const zb_plan *plan, size_t b);
/** @brief Number of body blocks. */
ZB_API size_t zb_plan_block_count(const zb_plan *plan);
/** @brief Level of block @p b (0 = paragraph); -1 for a bad index. */
ZB_API int zb_plan_block_level(const zb_plan *plan, size_t b);
/** @brief Text of block @p b. */
ZB_API const char *zb_plan_block_text(const zb_plan *plan, size_t b);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Attachments (附件) */
/**@{*/

/** @brief What an attachment holds. */
typedef enum zb_attachment_kind {
    ZB_ATTACH_TEXT = 0,    /**< Free text, in the attachment's text. */
    ZB_ATTACH_TARGETS = 1, /**< The target table built from the plan's indicators. */
    ZB_ATTACH_UNITS = 2    /**< The list of responsible units. */
} zb_attachment_kind;

/**
 * @brief Appends an attachment.
 * @param number Its number as in `附件2`; 0 = one more than the last.
 * @param title  e.g. 2024年目标体系表. Required.
 * @param text   Content for ::ZB_ATTACH_TEXT; NULL = none.
 */
ZB_API zb_status zb_plan_add_attachment(zb_plan *plan, int number, zb_attachment_kind kind,
                                        const char *title, const char *text);
/** @brief Number of attachments. */
ZB_API size_t zb_plan_attachment_count(const zb_plan *plan);
/** @brief Number of attachment @p a as in 附件N; 0 for a bad index. */
ZB_API int zb_plan_attachment_number(const zb_plan *plan, size_t a);
/** @brief Kind of attachment @p a. */
ZB_API zb_attachment_kind zb_plan_attachment_kind(const zb_plan *plan, size_t a);
/** @brief Title of attachment @p a. */
ZB_API const char *zb_plan_attachment_title(const zb_plan *plan, size_t a);
/** @brief Text of attachment @p a; "" when none. */
ZB_API const char *zb_plan_attachment_text(const zb_plan *plan, size_t a);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Period actuals (月度监测): year-to-date values reported at the end of a month */
/**@{*/

/**
 * @brief Records the actual of the indicator with sequence number @p seq at the end of
 *        @p period: year-to-date for a one-year plan, since the start of the span for a
 *        multi-year one (docs/progress.md).
 * @param period "YYYY-MM".
 * @param note   NULL = none.
 * @return ::ZB_ERR_NOT_FOUND for an unknown seq, ::ZB_ERR_VALUE for a malformed period, a
 *         period outside the plan's span of years or a value that is not finite,
 *         ::ZB_ERR_DUPLICATE when that indicator already has an actual for that period.
 */
ZB_API zb_status zb_plan_add_actual(zb_plan *plan, int seq, const char *period, double value,
                                    const char *note);
/** @brief Number of actuals. */
ZB_API size_t zb_plan_actual_count(const zb_plan *plan);
/** @brief Indicator index of actual @p a; ::ZB_NONE for a bad index. */
ZB_API size_t zb_plan_actual_indicator(const zb_plan *plan, size_t a);
/** @brief Period of actual @p a, "YYYY-MM". */
ZB_API const char *zb_plan_actual_period(const zb_plan *plan, size_t a);
/** @brief Value of actual @p a; NaN for a bad index. */
ZB_API double zb_plan_actual_value(const zb_plan *plan, size_t a);
/** @brief Note of actual @p a; "" when none. */
ZB_API const char *zb_plan_actual_note(const zb_plan *plan, size_t a);
/** @brief Index of the actual of indicator @p i for @p period, or ::ZB_NONE. */
ZB_API size_t zb_plan_find_actual(const zb_plan *plan, size_t i, const char *period);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Prose targets: quantitative targets found in a plan's text (新增“小升规”企业62家以上) */
/**@{*/

/** @brief What zb_plan_add_prose_target() needs. All-zero means defaults; strings are copied. */
typedef struct zb_prose_target_def {
    /** What is counted or measured, e.g. 新增“小升规”企业, 规上工业增加值增速. Required. */
    const char *name;
    /** Measurement unit as written, e.g. 家, %, 万千瓦; NULL = none. */
    const char *unit;
    /** The number as written, e.g. "62", "6.5". Required. */
    const char *value;
    /** ≥ for 以上, ≈ for 左右, ≤ for 以下/以内/不超过; ::ZB_QUAL_AUTO = none. */
    zb_qualifier qualifier;
    /** First and last year the target covers (到2023年 in a 2021–2023 plan: 2021, 2023); 0 = the plan's. */
    int first_year;
    int last_year; /**< See first_year. */
    /** The sentence it was found in. */
    const char *sentence;
    /** Index of the task it was found in, or ::ZB_NONE. */
    size_t task;
    /** Where it was found, e.g. "plan.txt:42"; NULL = none. */
    const char *source;
} zb_prose_target_def;

/** @brief Appends a prose target. ::ZB_ERR_VALUE when the value holds no number; ::ZB_ERR_NOT_FOUND for a bad task. */
ZB_API zb_status zb_plan_add_prose_target(zb_plan *plan, const zb_prose_target_def *def, size_t *index_out);
/** @brief Number of prose targets. */
ZB_API size_t zb_plan_prose_target_count(const zb_plan *plan);
/** @brief Name of prose target @p p. */
ZB_API const char *zb_plan_prose_target_name(const zb_plan *plan, size_t p);
/** @brief Measurement unit; "" when none. */
ZB_API const char *zb_plan_prose_target_unit(const zb_plan *plan, size_t p);
/** @brief The number as written. */
ZB_API const char *zb_plan_prose_target_value_text(const zb_plan *plan, size_t p);
/** @brief The number; NaN for a bad index. */
ZB_API double zb_plan_prose_target_value(const zb_plan *plan, size_t p);
/** @brief Qualifier (::ZB_QUAL_NONE when none). */
ZB_API zb_qualifier zb_plan_prose_target_qualifier(const zb_plan *plan, size_t p);
/** @brief First year it covers (the plan's first year when not given); 0 when unknown. */
ZB_API int zb_plan_prose_target_first_year(const zb_plan *plan, size_t p);
/** @brief Last year it covers (the plan's last year when not given); 0 when unknown. */
ZB_API int zb_plan_prose_target_last_year(const zb_plan *plan, size_t p);
/** @brief The sentence it was found in. */
ZB_API const char *zb_plan_prose_target_sentence(const zb_plan *plan, size_t p);
/** @brief Index of its task, or ::ZB_NONE. */
ZB_API size_t zb_plan_prose_target_task(const zb_plan *plan, size_t p);
/** @brief Where it was found; "" when not known. */
ZB_API const char *zb_plan_prose_target_source(const zb_plan *plan, size_t p);

/**
 * @brief Nonzero when a responsible-unit name stands for a group rather than one unit:
 *        县级相关部门, 产业集群工作组各成员单位, 各乡镇（街道）, 县级有关单位 (各…, …相关…,
 *        …有关…, …成员单位, …等).
 */
ZB_API int zb_infer_collective(const char *name);

/**@}*/
/* ------------------------------------------------------------------------------------ */
/** @name Validation */
/**@{*/

/** @brief How serious a finding is. Errors make `zhibiao check` exit 1. */
typedef enum zb_severity {
    ZB_SEV_NOTE = 0,    /**< Something was normalised; nothing to do. */
    ZB_SEV_WARNING = 1, /**< Probably a mistake; the documents can still be written. */
    ZB_SEV_ERROR = 2    /**< Must be fixed before documents are written. */
} zb_severity;

/** @brief Opaque list of findings from zb_plan_validate(). Free with zb_findings_free(). */
typedef struct zb_findings zb_findings;

/**
 * @brief Checks the plan. Nothing a published table holds is an error: an indicator
 *        without a target, a placeholder (`—`) and a qualitative target (完成市下达任务) are
 *        notes, and so is a stated change without a base value; a target cell that is
 *        neither a number nor a recognised phrase is a warning naming the cell, and so is a
 *        % target on an indicator whose unit is not %. Errors are what no document can be
 *        written from: an empty indicator name, a control character in any text
 *        ("control-character"), a text that makes a workbook cell of more than 32,767
 *        characters, alone or joined with others ("text-too-long"; not for a notice or a
 *        bulletin in zb_plan_validate_opt()). It also reports responsible units missing
 *        from the directory (with the nearest name as a suggestion, when the directory is
 *        not empty; collective names such as 县级相关部门 are not looked up), empty
 *        categories, prose targets that disagree with the indicator table (same number and
 *        unit under another name, or the same name with another number), the notes
 *        recorded when names were normalised, and signs that the plan was misread from a
 *        published text (warnings): no indicators while an attachment's title names a
 *        target table ("empty-table"), a table kept as text ("table-as-text"), tasks that
 *        name no responsible unit ("task-no-unit"), unit names with unbalanced brackets or a
 *        web page's furniture in them ("unit-name"), notes that list units the item does
 *        not name ("note-units"), a responsibility note left in a task's text
 *        ("note-in-text"), a title that is a site's banner, a masthead or a running header
 *        ("title-banner").
 * @param out Receives a new list, owned by the caller, even when it is empty.
 * @return ::ZB_OK when the check ran (whatever it found); ::ZB_ERR_NOMEM otherwise.
 *         Reads the plan only: safe alongside other readers.
 */
ZB_API zb_status zb_plan_validate(const zb_plan *plan, zb_findings **out);

/** @brief A document a plan is written as, for zb_plan_validate_opt(). Values are only ever appended. */
typedef enum zb_document_kind {
    ZB_DOCUMENT_NONE = 0,       /**< The plan alone. */
    ZB_DOCUMENT_TABLE = 1,      /**< The target table (目标体系表). */
    ZB_DOCUMENT_BREAKDOWN = 2,  /**< The responsibility breakdown (责任分解表). */
    ZB_DOCUMENT_PROGRESS = 3,   /**< The monitoring workbook (月度监测). */
    ZB_DOCUMENT_ASSESSMENT = 4, /**< The annual assessment (年度考核). */
    ZB_DOCUMENT_NOTICE = 5,     /**< The notice that issues the plan (通知). */
    ZB_DOCUMENT_BULLETIN = 6    /**< The progress bulletin (通报). */
} zb_document_kind;

/** @brief Options for zb_plan_validate_opt(). All-zero means zb_plan_validate(); fields are only ever appended. */
typedef struct zb_validate_options {
    /** Also what this document needs: a notice needs a title and an issuing organ
     *  ("missing-title", "missing-organ": errors, located at "title" and "organ"); a
     *  bulletin needs the organ, and warns without a title to name the plan by. Both warn
     *  of a 版记 without its 印发机关 ("no-imprint", at "printer"), and a notice of a red
     *  版头 with no 发文字号 under it ("no-document-number", at "doc_number"). A target
     *  table, a monitoring workbook and an assessment need indicators ("no-indicators": an
     *  error, located at "indicators"). */
    zb_document_kind document;
    /** Nonzero: also check the actuals: a year-to-date actual of a cumulative indicator
     *  lower than the one of an earlier month is a warning ("ytd-decrease", located at the
     *  indicator). */
    int actuals;
    /** With actuals: the month a document is written for ("YYYY-MM"); when no indicator
     *  has an actual for it, a warning ("no-actuals", located at "period YYYY-MM"), and
     *  months after it are not checked. NULL = every month. */
    const char *period;
} zb_validate_options;

/**
 * @brief zb_plan_validate() and, as @p options say, what a document needs and whether
 *        the actuals look right. The writers do not call it: the command line and the
 *        Python and Java bindings call it before writing and refuse a plan with errors
 *        unless forced.
 * @param options NULL = zb_plan_validate().
 * @return ::ZB_OK when the check ran; ::ZB_ERR_VALUE for a period not written YYYY-MM or a
 *         document not in ::zb_document_kind (*out is then NULL); ::ZB_ERR_NOMEM.
 */
ZB_API zb_status zb_plan_validate_opt(const zb_plan *plan, const zb_validate_options *options,
                                      zb_findings **out);
/** @brief Number of findings. 0 for NULL. */
ZB_API size_t zb_findings_count(const zb_findings *findings);
/** @brief Number of findings of severity ::ZB_SEV_ERROR. */
ZB_API size_t zb_findings_error_count(const zb_findings *findings);
/** @brief Severity of finding @p i. */
ZB_API zb_severity zb_findings_severity(const zb_findings *findings, size_t i);
/**
 * @brief A stable short code for the kind of finding, for filtering: "empty-name",
 *        "no-target", "qualitative-target", "change-without-base", "target-not-number",
 *        "percent-target", "unknown-unit", "empty-category", "prose-mismatch", "normalised",
 *        "empty-table", "table-as-text", "task-no-unit", "unit-name", "note-units",
 *        "note-in-text", "title-banner"; zb_plan_validate_opt() adds "missing-title",
 *        "missing-organ", "no-document-number", "no-imprint", "no-indicators", "ytd-decrease",
 *        "no-actuals"; importers add their own ("unplaced", "collective", "recognised",
 *        "cleaned", "unknown-label", "stage", "summary", "verdict").
 */
ZB_API const char *zb_findings_code(const zb_findings *findings, size_t i);
/** @brief Where: the source ("plan.json:14:7", "table.csv:12") or "indicator 20". */
ZB_API const char *zb_findings_location(const zb_findings *findings, size_t i);
/** @brief What, in one line naming the indicator, e.g. `indicator 20 (低效用地整治提升(亩)):
 *         responsible unit 县规划和自然资源局 is not in the unit list; did you mean 县规和自然划资源局?` */
ZB_API const char *zb_findings_message(const zb_findings *findings, size_t i);
/** @brief Frees the list and its strings. NULL is a no-op. */
ZB_API void zb_findings_free(zb_findings *findings);

/**@}*/

/* ------------------------------------------------------------------------------------ */
/** @name Loading a plan whatever its form */
/**@{*/

/**
 * @brief Loads the plan in the file at @p path, whatever form it is in, by the one rule the
 *        command line and the bindings share: a name ending in .json is a zhibiao/1 plan
 *        (zb_json_load()); .csv, .tsv or .txt an indicator table (zb_csv_load()); any other
 *        name is read by its content, as zb_plan_load_string() does.
 * @return What the loader returns; for a file that is neither JSON nor a table, ::ZB_ERR_SYNTAX
 *         with a message saying which forms a plan may be in.
 */
ZB_API zb_status zb_plan_load(zb_plan *plan, const char *path);

/**
 * @brief zb_plan_load() from memory (standard input, an upload), by content: JSON when the
 *        first character (after a byte-order mark and white space) is `{` or `[`; an indicator
 *        table when the text starts with a UTF-16 or UTF-32 byte-order mark or its first line
 *        holds a comma, a tab or a semicolon; otherwise the JSON loader's message, which says
 *        which forms a plan may be in. @p name is what messages call the input.
 */
ZB_API zb_status zb_plan_load_string(zb_plan *plan, const char *text, size_t len, const char *name);

/**@}*/

#ifdef __cplusplus
}
#endif

#endif /* ZB_PLAN_H */

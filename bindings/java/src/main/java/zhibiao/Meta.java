package zhibiao;

/** zb_meta: the text fields of a plan's document metadata (plan.h); values as in C, only ever appended. */
public enum Meta {
    /** Title of the plan. */
    TITLE(0),
    /** Issuing organ (发文机关). */
    ORGAN(1),
    /** Issuing-organ mark (发文机关标志); "" means organ + 文件. */
    ORGAN_MARK(2),
    /** Document number (发文字号). */
    DOC_NUMBER(3),
    /** Signature (署名); "" means the issuing organ. */
    SIGNATURE(4),
    /** The 附注 line. */
    NOTE(5),
    /** Printing organ (印发机关). */
    PRINTER(6),
    /** 索引号 as a government site prints it. */
    INDEX_NO(7),
    /** 发布机构. */
    PUBLISHER(8),
    /** 有效性. */
    VALIDITY(9),
    /** 公开方式. */
    DISCLOSURE(10),
    /** Title of the plan a notice issues; "" when the document is the plan itself. */
    PLAN_TITLE(11);

    private final int value;

    Meta(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Meta of(int value) {
        for (Meta e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Meta has the value " + value);
    }
}

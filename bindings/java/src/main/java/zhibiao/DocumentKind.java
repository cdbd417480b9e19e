package zhibiao;

/** zb_document_kind: the documents a plan is checked for (plan.h); values as in C, only ever appended. */
public enum DocumentKind {
    /** The plan alone. */
    NONE(0),
    /** The target table (目标体系表). */
    TABLE(1),
    /** The responsibility breakdown (责任分解表). */
    BREAKDOWN(2),
    /** The monitoring workbook (月度监测). */
    PROGRESS(3),
    /** The annual assessment (年度考核). */
    ASSESSMENT(4),
    /** The notice that issues the plan (通知). */
    NOTICE(5),
    /** The progress bulletin (通报). */
    BULLETIN(6);

    private final int value;

    DocumentKind(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static DocumentKind of(int value) {
        for (DocumentKind e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no DocumentKind has the value " + value);
    }
}

package zhibiao;

/** zb_date_field: the dates a plan carries (plan.h); values as in C, only ever appended. */
public enum DateField {
    /** 成文日期: the date the document was signed. */
    ISSUED(0),
    /** 印发日期: the date it was printed and distributed. */
    PRINTED(1),
    /** 发布日期: the date a site published it. */
    PUBLISHED(2);

    private final int value;

    DateField(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static DateField of(int value) {
        for (DateField e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no DateField has the value " + value);
    }
}

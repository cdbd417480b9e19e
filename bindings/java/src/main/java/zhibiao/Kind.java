package zhibiao;

/** zb_kind: how progress on an indicator is judged (plan.h); values as in C, only ever appended. */
public enum Kind {
    /** Infer from the name (only when adding an indicator). */
    AUTO(0),
    /** A count or amount that accumulates through the year. */
    CUMULATIVE(1),
    /** A growth rate (增速, 增长). */
    RATE(2),
    /** A share or level (占比, 比重, 覆盖率). */
    LEVEL(3);

    private final int value;

    Kind(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Kind of(int value) {
        for (Kind e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Kind has the value " + value);
    }
}

package zhibiao;

/** zb_change: how a numeric target is stated, as the value itself or as a change from the base (plan.h); values as in C, only ever appended. */
public enum Change {
    /** The value itself: 450, 6.5以上. */
    NONE(0),
    /** A relative change: 下降3% (−3), 增长8% (8). */
    PERCENT(1),
    /** A change in percentage points: 提高2个百分点 (2). */
    POINTS(2),
    /** A change in the indicator's unit: 减少10家 (−10). */
    AMOUNT(3),
    /** A yearly rate of change: 年均增长6% (6), compounded over the years from the base. */
    ANNUAL(4);

    private final int value;

    Change(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Change of(int value) {
        for (Change e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Change has the value " + value);
    }
}

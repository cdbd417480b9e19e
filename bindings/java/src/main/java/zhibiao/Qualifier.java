package zhibiao;

/** zb_qualifier: how a target is qualified in prose (plan.h); values as in C, only ever appended. */
public enum Qualifier {
    /** Read it from the target text (only when adding an indicator). */
    AUTO(0),
    /** Plain target. */
    NONE(1),
    /** ≥: 以上, 不低于. */
    AT_LEAST(2),
    /** ≈: 左右, 约. */
    ABOUT(3),
    /** ≤: 以下, 以内, 不超过. */
    AT_MOST(4);

    private final int value;

    Qualifier(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Qualifier of(int value) {
        for (Qualifier e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Qualifier has the value " + value);
    }
}

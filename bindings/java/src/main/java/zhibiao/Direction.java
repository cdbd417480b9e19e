package zhibiao;

/** zb_direction: which way is better (plan.h); values as in C, only ever appended. */
public enum Direction {
    /** Infer from the name (only when adding an indicator). */
    AUTO(0),
    /** Higher is better. */
    HIGHER(1),
    /** Lower is better, e.g. energy use per unit of value added. */
    LOWER(2);

    private final int value;

    Direction(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Direction of(int value) {
        for (Direction e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Direction has the value " + value);
    }
}

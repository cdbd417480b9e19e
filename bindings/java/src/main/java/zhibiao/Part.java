package zhibiao;

/** zb_part: which text a body block belongs to (plan.h); values as in C, only ever appended. */
public enum Part {
    /** The document's own text. */
    DOCUMENT(0),
    /** The text of the plan a notice issues. */
    PLAN(1);

    private final int value;

    Part(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Part of(int value) {
        for (Part e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Part has the value " + value);
    }
}

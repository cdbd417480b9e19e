package zhibiao;

/** zb_scoring: how completion turns into a score in the assessment (xlsx.h); values as in C, only ever appended. */
public enum Scoring {
    /** weight × min(completion, cap); met/not met count 1/0. */
    PROPORTIONAL(0),
    /** weight when done or met, else 0. */
    ALL_OR_NOTHING(1);

    private final int value;

    Scoring(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Scoring of(int value) {
        for (Scoring e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Scoring has the value " + value);
    }
}

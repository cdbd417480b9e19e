package zhibiao;

/** zb_severity: how serious a finding is (plan.h); values as in C, only ever appended. */
public enum Severity {
    /** Something was normalised; nothing to do. */
    NOTE(0),
    /** Probably a mistake; the documents can still be written. */
    WARNING(1),
    /** Must be fixed before documents are written. */
    ERROR(2);

    private final int value;

    Severity(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Severity of(int value) {
        for (Severity e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Severity has the value " + value);
    }
}

package zhibiao;

/** zb_target_class: what a target cell holds (plan.h); values as in C, only ever appended. */
public enum TargetClass {
    /** Empty or a placeholder: —, -, /, 无. */
    NONE(0),
    /** One number, maybe qualified (6.5以上) or a stated change (下降3%). */
    NUMERIC(1),
    /** A recognised phrase without a number: 完成市下达任务, 持续提升. */
    QUALITATIVE(2),
    /** Text that is neither; validation warns, naming the cell. */
    UNRECOGNISED(3);

    private final int value;

    TargetClass(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static TargetClass of(int value) {
        for (TargetClass e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no TargetClass has the value " + value);
    }
}

package zhibiao;

/** zb_attribute: the attribute (指标属性) that five-year and three-year plans give each indicator (plan.h); values as in C, only ever appended. */
public enum Attribute {
    /** Not stated. */
    NONE(0),
    /** 约束性: binding, an obligation on the government. */
    BINDING(1),
    /** 预期性: anticipatory, an expected outcome. */
    ANTICIPATORY(2);

    private final int value;

    Attribute(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Attribute of(int value) {
        for (Attribute e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Attribute has the value " + value);
    }
}

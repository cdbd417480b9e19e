package zhibiao;

/** zb_attachment_kind: what an attachment holds (plan.h); values as in C, only ever appended. */
public enum AttachmentKind {
    /** Free text. */
    TEXT(0),
    /** The target table built from the plan's indicators. */
    TARGETS(1),
    /** The list of responsible units. */
    UNITS(2);

    private final int value;

    AttachmentKind(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static AttachmentKind of(int value) {
        for (AttachmentKind e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no AttachmentKind has the value " + value);
    }
}

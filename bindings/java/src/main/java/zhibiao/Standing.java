package zhibiao;

/** zb_standing: how an indicator stands at a period (progress.h); values as in C, only ever appended. */
public enum Standing {
    /** 未报送: no actual for the period. */
    MISSING(0),
    /** 已完成: a cumulative indicator at or past its target. */
    DONE(1),
    /** 超序时: on or ahead of the time schedule. */
    AHEAD(2),
    /** 滞后: behind the time schedule. */
    BEHIND(3),
    /** 达标: a rate or level that meets its target. */
    MET(4),
    /** 未达标: a rate or level that does not. */
    NOT_MET(5),
    /** 无目标值: the target holds no number to compare with. */
    NO_TARGET(6),
    /** 超出: a cumulative count over its cap (≤10, or lower is better). */
    EXCEEDED(7),
    /** 预警: within its cap but above the time-proportional share of it. */
    WARNING(8),
    /** 受控: within its cap and its time-proportional share, before the cap's last month. */
    WITHIN(9),
    /** 定性: a qualitative target, reported, not scored as a number. */
    QUALITATIVE(10);

    private final int value;

    Standing(int value) {
        this.value = value;
    }

    /** The Chinese label (已完成, 超序时, 滞后, …), from zb_standing_label(). */
    public String label() {
        return Lib.c().zb_standing_label(value);
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Standing of(int value) {
        for (Standing e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Standing has the value " + value);
    }
}

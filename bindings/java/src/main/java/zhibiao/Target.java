package zhibiao;

import java.util.Objects;
import java.util.OptionalDouble;

/** One target of an indicator: the target for one year (or tied to no year), as displayed and as read. A snapshot. */
public final class Target {
    private final int year;
    private final String text;
    private final TargetClass targetClass;
    private final OptionalDouble value;
    private final Qualifier qualifier;
    private final Change change;
    private final OptionalDouble changeAmount;
    private final boolean asChange;
    private final boolean fromBase;
    private final boolean primary;

    Target(int year, String text, TargetClass targetClass, OptionalDouble value, Qualifier qualifier, Change change, OptionalDouble changeAmount, boolean asChange, boolean fromBase, boolean primary) {
        this.fromBase = fromBase;
        this.year = year;
        this.text = text;
        this.targetClass = targetClass;
        this.value = value;
        this.qualifier = qualifier;
        this.change = change;
        this.changeAmount = changeAmount;
        this.asChange = asChange;
        this.primary = primary;
    }

    /** The year it is for; 0 when it is tied to no year (the plan's own). */
    public int year() {
        return year;
    }

    /** As displayed: ≥520, 6.5左右, 下降3%, 完成市下达任务, —. */
    public String text() {
        return text;
    }

    /** What the cell holds: a number, a qualitative phrase, a placeholder, or unrecognised text. */
    public TargetClass targetClass() {
        return targetClass;
    }

    /** The number actuals are compared with (for a stated change, the level it leads to from the base); empty for qualitative targets and placeholders. */
    public OptionalDouble value() {
        return value;
    }

    /** How it is qualified (NONE when plain). */
    public Qualifier qualifier() {
        return qualifier;
    }

    /** How it is stated: the value itself or a change. */
    public Change change() {
        return change;
    }

    /** The change as written, signed (−3 for 下降3%); empty when it is not a change. */
    public OptionalDouble changeAmount() {
        return changeAmount;
    }

    /** Whether it is a change of a level that has no base to start from: actuals are then read as that change. */
    public boolean asChange() {
        return asChange;
    }

    /** Whether its value was worked out from the base value (下降3% from 0.5 → 0.485). */
    public boolean fromBase() {
        return fromBase;
    }

    /** Whether it is the indicator's primary target (the plan's last year, else the one tied to no year, else the latest). */
    public boolean primary() {
        return primary;
    }

    @Override
    public String toString() {
        return (year == 0 ? "" : year + ": ") + text;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Target))
            return false;
        Target x = (Target) o;
        return year == x.year
                && text.equals(x.text)
                && targetClass == x.targetClass
                && value.equals(x.value)
                && qualifier == x.qualifier
                && change == x.change
                && changeAmount.equals(x.changeAmount)
                && asChange == x.asChange
                && fromBase == x.fromBase
                && primary == x.primary;
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, text, targetClass, value, qualifier, change, changeAmount, asChange, fromBase, primary);
    }
}

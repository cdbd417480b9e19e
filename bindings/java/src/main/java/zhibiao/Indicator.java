package zhibiao;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** An indicator (指标) of a plan, as read by {@link Plan#indicators()}: a snapshot that stays valid after the plan changes or is closed. */
public final class Indicator {
    private final int index;
    private final int seq;
    private final String name;
    private final String bareName;
    private final String category;
    private final String unit;
    private final String targetText;
    private final OptionalDouble target;
    private final Qualifier qualifier;
    private final Kind kind;
    private final Direction direction;
    private final List<String> units;
    private final String source;
    private final double weight;

    Indicator(int index, int seq, String name, String bareName, String category, String unit, String targetText, OptionalDouble target, Qualifier qualifier, Kind kind, Direction direction, List<String> units, String source, double weight) {
        this.index = index;
        this.seq = seq;
        this.name = name;
        this.bareName = bareName;
        this.category = category;
        this.unit = unit;
        this.targetText = targetText;
        this.target = target;
        this.qualifier = qualifier;
        this.kind = kind;
        this.direction = direction;
        this.units = List.copyOf(units);
        this.source = source;
        this.weight = weight;
    }

    /** Position in the plan, from 0, in the order added. */
    public int index() {
        return index;
    }

    /** Sequence number (序号). */
    public int seq() {
        return seq;
    }

    /** Name as given (normalised), e.g. 新增“小升规”企业(家). */
    public String name() {
        return name;
    }

    /** The name without the trailing unit group when the unit was taken from it: 新增“小升规”企业. */
    public String bareName() {
        return bareName;
    }

    /** Category name; "" when it has none. */
    public String category() {
        return category;
    }

    /** Measurement unit (计量单位), given or inferred; "" when none. */
    public String unit() {
        return unit;
    }

    /** Target as displayed, e.g. "6.5左右"; "" when none. */
    public String targetText() {
        return targetText;
    }

    /** Target as a number (20 for "20%"); empty when the text holds none. */
    public OptionalDouble target() {
        return target;
    }

    /** How the target is qualified (≥ 以上, ≈ 左右, ≤ 以下; NONE when plain). */
    public Qualifier qualifier() {
        return qualifier;
    }

    /** How progress is judged. */
    public Kind kind() {
        return kind;
    }

    /** Which way is better. */
    public Direction direction() {
        return direction;
    }

    /** Responsible units, the lead (牵头单位) first. */
    public List<String> units() {
        return units;
    }

    /** Where it came from ("plan.json:14:7"); "" when not known. */
    public String source() {
        return source;
    }

    /** Assessment weight (考核权重), 1 unless given. */
    public double weight() {
        return weight;
    }

    /** The lead unit (牵头单位); "" when none. */
    public String lead() {
        return units.isEmpty() ? "" : units.get(0);
    }

    @Override
    public String toString() {
        return seq + " " + name + (targetText.isEmpty() ? "" : " " + targetText);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Indicator))
            return false;
        Indicator x = (Indicator) o;
        return index == x.index
                && seq == x.seq
                && name.equals(x.name)
                && bareName.equals(x.bareName)
                && category.equals(x.category)
                && unit.equals(x.unit)
                && targetText.equals(x.targetText)
                && target.equals(x.target)
                && qualifier == x.qualifier
                && kind == x.kind
                && direction == x.direction
                && units.equals(x.units)
                && source.equals(x.source)
                && Double.compare(weight, x.weight) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, seq, name, bareName, category, unit, targetText, target, qualifier, kind, direction, units, source, weight);
    }
}

package zhibiao;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** An indicator (指标) of a plan, as read by {@link Plan#indicators()}: a snapshot that stays valid after the plan changes or is closed. The single-target accessors describe the primary target; {@link #targets()} has one per year. */
public final class Indicator {
    private final int index;
    private final int seq;
    private final String name;
    private final String bareName;
    private final String category;
    private final String unit;
    private final boolean unitGiven;
    private final String targetText;
    private final OptionalDouble target;
    private final Qualifier qualifier;
    private final TargetClass targetClass;
    private final Kind kind;
    private final Direction direction;
    private final Attribute attribute;
    private final int baseYear;
    private final String baseText;
    private final OptionalDouble baseValue;
    private final List<Target> targets;
    private final List<String> units;
    private final String note;
    private final String source;
    private final double weight;

    Indicator(int index, int seq, String name, String bareName, String category, String unit, boolean unitGiven, String targetText, OptionalDouble target, Qualifier qualifier, TargetClass targetClass, Kind kind, Direction direction, Attribute attribute, int baseYear, String baseText, OptionalDouble baseValue, List<Target> targets, List<String> units, String note, String source, double weight) {
        this.index = index;
        this.seq = seq;
        this.name = name;
        this.bareName = bareName;
        this.category = category;
        this.unit = unit;
        this.unitGiven = unitGiven;
        this.targetText = targetText;
        this.target = target;
        this.qualifier = qualifier;
        this.targetClass = targetClass;
        this.kind = kind;
        this.direction = direction;
        this.attribute = attribute;
        this.baseYear = baseYear;
        this.baseText = baseText;
        this.baseValue = baseValue;
        this.targets = List.copyOf(targets);
        this.units = List.copyOf(units);
        this.note = note;
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

    /** Whether the unit was given apart from the name (a 计量单位 column, the JSON unit key) rather than read from it. */
    public boolean unitGiven() {
        return unitGiven;
    }

    /** Primary target as displayed, e.g. "6.5左右"; "" when none. */
    public String targetText() {
        return targetText;
    }

    /** Primary target as the number actuals are compared with; empty when it holds none. */
    public OptionalDouble target() {
        return target;
    }

    /** How the primary target is qualified (≥ 以上, ≈ 左右, ≤ 以下; NONE when plain). */
    public Qualifier qualifier() {
        return qualifier;
    }

    /** What the primary target holds; NONE when there is none. */
    public TargetClass targetClass() {
        return targetClass;
    }

    /** How progress is judged. */
    public Kind kind() {
        return kind;
    }

    /** Which way is better. */
    public Direction direction() {
        return direction;
    }

    /** Attribute (属性): binding or anticipatory; NONE when not stated. */
    public Attribute attribute() {
        return attribute;
    }

    /** Year of the base value (基期); 0 when not stated. */
    public int baseYear() {
        return baseYear;
    }

    /** Base value as displayed, e.g. "1,200"; "" when none. */
    public String baseText() {
        return baseText;
    }

    /** Base value as a number; empty when it holds no single number. */
    public OptionalDouble baseValue() {
        return baseValue;
    }

    /** Every target, one per year, in year order (the one tied to no year first). */
    public List<Target> targets() {
        return targets;
    }

    /** Responsible units, the lead (牵头单位) first. */
    public List<String> units() {
        return units;
    }

    /** Remark (备注); "" when none. */
    public String note() {
        return note;
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

    /** The primary target; empty when the indicator has none. */
    public Optional<Target> primaryTarget() {
        return targets.stream().filter(Target::primary).findFirst();
    }

    /** The target for {@code year} (0: the one tied to no year); empty when none. */
    public Optional<Target> target(int year) {
        return targets.stream().filter(t -> t.year() == year).findFirst();
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
                && unitGiven == x.unitGiven
                && targetText.equals(x.targetText)
                && target.equals(x.target)
                && qualifier == x.qualifier
                && targetClass == x.targetClass
                && kind == x.kind
                && direction == x.direction
                && attribute == x.attribute
                && baseYear == x.baseYear
                && baseText.equals(x.baseText)
                && baseValue.equals(x.baseValue)
                && targets.equals(x.targets)
                && units.equals(x.units)
                && note.equals(x.note)
                && source.equals(x.source)
                && Double.compare(weight, x.weight) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, seq, name, bareName, category, unit, unitGiven, targetText, target, qualifier, targetClass, kind, direction, attribute, baseYear, baseText, baseValue, targets, units, note, source, weight);
    }
}

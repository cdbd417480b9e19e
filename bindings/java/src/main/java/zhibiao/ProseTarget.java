package zhibiao;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A quantitative target found in a plan's text (新增“小升规”企业62家以上): a snapshot. */
public final class ProseTarget {
    private final String name;
    private final String unit;
    private final String valueText;
    private final OptionalDouble value;
    private final Qualifier qualifier;
    private final int firstYear;
    private final int lastYear;
    private final String sentence;
    private final OptionalInt task;
    private final String source;

    ProseTarget(String name, String unit, String valueText, OptionalDouble value, Qualifier qualifier, int firstYear, int lastYear, String sentence, OptionalInt task, String source) {
        this.name = name;
        this.unit = unit;
        this.valueText = valueText;
        this.value = value;
        this.qualifier = qualifier;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.sentence = sentence;
        this.task = task;
        this.source = source;
    }

    /** What is counted or measured. */
    public String name() {
        return name;
    }

    /** Measurement unit as written; "" when none. */
    public String unit() {
        return unit;
    }

    /** The number as written, e.g. "62". */
    public String valueText() {
        return valueText;
    }

    /** The number. */
    public OptionalDouble value() {
        return value;
    }

    /** ≥ 以上, ≈ 左右, ≤ 以下; NONE when none. */
    public Qualifier qualifier() {
        return qualifier;
    }

    /** First year it covers; 0 when unknown. */
    public int firstYear() {
        return firstYear;
    }

    /** Last year it covers; 0 when unknown. */
    public int lastYear() {
        return lastYear;
    }

    /** The sentence it was found in. */
    public String sentence() {
        return sentence;
    }

    /** Index of the task it was found in; empty when none. */
    public OptionalInt task() {
        return task;
    }

    /** Where it was found; "" when not known. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return name + " " + valueText + unit;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProseTarget))
            return false;
        ProseTarget x = (ProseTarget) o;
        return name.equals(x.name)
                && unit.equals(x.unit)
                && valueText.equals(x.valueText)
                && value.equals(x.value)
                && qualifier == x.qualifier
                && firstYear == x.firstYear
                && lastYear == x.lastYear
                && sentence.equals(x.sentence)
                && task.equals(x.task)
                && source.equals(x.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, valueText, value, qualifier, firstYear, lastYear, sentence, task, source);
    }
}

package zhibiao;

import java.util.Objects;
import java.util.OptionalDouble;

/** How one indicator stands at a period ({@link Plan#evaluate(String)}): a snapshot. Numbers that do not apply are empty; completion and expected are fractions (0.5 = 50 %). */
public final class Progress {
    private final int index;
    private final int seq;
    private final String name;
    private final String lead;
    private final Standing standing;
    private final OptionalDouble actual;
    private final OptionalDouble target;
    private final String targetText;
    private final int targetYear;
    private final OptionalDouble completion;
    private final OptionalDouble expected;
    private final String explain;

    Progress(int index, int seq, String name, String lead, Standing standing, OptionalDouble actual, OptionalDouble target, String targetText, int targetYear, OptionalDouble completion, OptionalDouble expected, String explain) {
        this.index = index;
        this.seq = seq;
        this.name = name;
        this.lead = lead;
        this.standing = standing;
        this.actual = actual;
        this.target = target;
        this.targetText = targetText;
        this.targetYear = targetYear;
        this.completion = completion;
        this.expected = expected;
        this.explain = explain;
    }

    /** Index in the plan of the indicator. */
    public int index() {
        return index;
    }

    /** Sequence number of the indicator. */
    public int seq() {
        return seq;
    }

    /** Name of the indicator. */
    public String name() {
        return name;
    }

    /** Lead unit of the indicator; "" when none. */
    public String lead() {
        return lead;
    }

    /** How it stands. */
    public Standing standing() {
        return standing;
    }

    /** The actual used (year-to-date at the period); empty when missing. */
    public OptionalDouble actual() {
        return actual;
    }

    /** The target's number; empty when none. */
    public OptionalDouble target() {
        return target;
    }

    /** The target judged against, as displayed (≤10, 完成市下达任务); "" when none. */
    public String targetText() {
        return targetText;
    }

    /** The year of the target judged against; 0 when it is tied to no year or there is none. */
    public int targetYear() {
        return targetYear;
    }

    /** Completion as a fraction (actual / target, or target / actual when lower is better); empty for rates, levels and missing actuals. */
    public OptionalDouble completion() {
        return completion;
    }

    /** The time schedule (序时进度) as a fraction; empty for rates and levels. */
    public OptionalDouble expected() {
        return expected;
    }

    /** The numbers behind the standing in one line, e.g. 累计 230 / 目标 450 = 51.1%，序时进度 50.0%（6/12）. */
    public String explain() {
        return explain;
    }

    /** The Chinese label of the standing: 已完成, 超序时, 滞后, 达标, 未达标, 未报送, 无目标值. */
    public String status() {
        return standing.label();
    }

    @Override
    public String toString() {
        return seq + " " + name + ": " + status() + " (" + explain + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Progress))
            return false;
        Progress x = (Progress) o;
        return index == x.index
                && seq == x.seq
                && name.equals(x.name)
                && lead.equals(x.lead)
                && standing == x.standing
                && actual.equals(x.actual)
                && target.equals(x.target)
                && targetText.equals(x.targetText)
                && targetYear == x.targetYear
                && completion.equals(x.completion)
                && expected.equals(x.expected)
                && explain.equals(x.explain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, seq, name, lead, standing, actual, target, targetText, targetYear, completion, expected, explain);
    }
}

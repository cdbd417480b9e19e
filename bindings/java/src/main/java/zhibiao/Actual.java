package zhibiao;

import java.util.Objects;

/** A year-to-date value reported for an indicator at the end of a month: a snapshot. */
public final class Actual {
    private final int seq;
    private final String period;
    private final double value;
    private final String note;

    Actual(int seq, String period, double value, String note) {
        this.seq = seq;
        this.period = period;
        this.value = value;
        this.note = note;
    }

    /** Sequence number of the indicator. */
    public int seq() {
        return seq;
    }

    /** The month, "YYYY-MM". */
    public String period() {
        return period;
    }

    /** The value. */
    public double value() {
        return value;
    }

    /** Its note; "" when none. */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return seq + " " + period + " " + value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Actual))
            return false;
        Actual x = (Actual) o;
        return seq == x.seq
                && period.equals(x.period)
                && Double.compare(value, x.value) == 0
                && note.equals(x.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, period, value, note);
    }
}

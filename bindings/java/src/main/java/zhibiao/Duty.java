package zhibiao;

import java.util.List;
import java.util.Objects;

/** A responsibility item (责任分工) of a task: the sentences it covers and the units named, the lead first. A snapshot. */
public final class Duty {
    private final String text;
    private final String note;
    private final List<String> units;
    private final int leadCount;

    Duty(String text, String note, List<String> units, int leadCount) {
        this.leadCount = leadCount;
        this.text = text;
        this.note = note;
        this.units = List.copyOf(units);
    }

    /** The sentences it covers; "" when it covers the whole task. */
    public String text() {
        return text;
    }

    /** What it says that is not a unit (…配合, 下同); "" when none. */
    public String note() {
        return note;
    }

    /** The units named, the leads (牵头) first. */
    public List<String> units() {
        return units;
    }

    /** The lead unit (the first lead); "" when none. */
    public String lead() {
        return units.isEmpty() ? "" : units.get(0);
    }

    /** The leading units (牵头): the first {@code leadCount} units, usually one. */
    public List<String> leads() {
        return units.subList(0, Math.min(leadCount, units.size()));
    }

    /** The cooperating units (配合): those after the leads. */
    public List<String> cooperating() {
        return units.subList(Math.min(leadCount, units.size()), units.size());
    }

    @Override
    public String toString() {
        return String.join("、", units) + (text.isEmpty() ? "" : ": " + text);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Duty))
            return false;
        Duty x = (Duty) o;
        return text.equals(x.text)
                && note.equals(x.note)
                && units.equals(x.units)
                && leadCount == x.leadCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, note, units, leadCount);
    }
}

package zhibiao;

import java.util.List;
import java.util.Objects;

/** A responsibility item (责任分工) of a task: the sentences it covers and the units named, the lead first. A snapshot. */
public final class Duty {
    private final String text;
    private final String note;
    private final List<String> units;

    Duty(String text, String note, List<String> units) {
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

    /** The units named, the lead (牵头) first. */
    public List<String> units() {
        return units;
    }

    /** The lead unit; "" when none. */
    public String lead() {
        return units.isEmpty() ? "" : units.get(0);
    }

    /** The cooperating units (配合). */
    public List<String> cooperating() {
        return units.isEmpty() ? units : units.subList(1, units.size());
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
                && units.equals(x.units);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, note, units);
    }
}

package zhibiao;

import java.util.List;
import java.util.Objects;

/** A task (重点任务) of a plan with its responsibility items: a snapshot. */
public final class Task {
    private final int index;
    private final String number;
    private final List<String> headings;
    private final String title;
    private final String text;
    private final String source;
    private final List<Duty> duties;

    Task(int index, String number, List<String> headings, String title, String text, String source, List<Duty> duties) {
        this.index = index;
        this.number = number;
        this.headings = List.copyOf(headings);
        this.title = title;
        this.text = text;
        this.source = source;
        this.duties = List.copyOf(duties);
    }

    /** Position in the plan, from 0. */
    public int index() {
        return index;
    }

    /** Number as printed, e.g. "12"; "" when none. */
    public String number() {
        return number;
    }

    /** Headings above the task, outermost first. */
    public List<String> headings() {
        return headings;
    }

    /** Title (the first sentence). */
    public String title() {
        return title;
    }

    /** The full text. */
    public String text() {
        return text;
    }

    /** Where it came from; "" when not known. */
    public String source() {
        return source;
    }

    /** Its responsibility items. */
    public List<Duty> duties() {
        return duties;
    }

    @Override
    public String toString() {
        return number + " " + title;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Task))
            return false;
        Task x = (Task) o;
        return index == x.index
                && number.equals(x.number)
                && headings.equals(x.headings)
                && title.equals(x.title)
                && text.equals(x.text)
                && source.equals(x.source)
                && duties.equals(x.duties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, number, headings, title, text, source, duties);
    }
}

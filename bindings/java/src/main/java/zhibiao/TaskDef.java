package zhibiao;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Plan#addTask(TaskDef)} needs (zb_task_def): a title, and optionally its number,
 * the headings above it, its full text and where it came from. Immutable; made with
 * {@link #builder(String)}.
 */
public final class TaskDef {
    private final String number;
    private final List<String> headings;
    private final String title;
    private final String text;
    private final String source;

    private TaskDef(Builder b) {
        number = b.number;
        headings = List.copyOf(b.headings);
        title = b.title;
        text = b.text;
        source = b.source;
    }

    /** A builder for a task titled {@code title} (its first sentence). */
    public static Builder builder(String title) {
        return new Builder(Objects.requireNonNull(title, "title"));
    }

    /** Number as printed; empty when none. */
    public Optional<String> number() {
        return Optional.ofNullable(number);
    }

    /** Headings above the task, outermost first. */
    public List<String> headings() {
        return headings;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The full text; empty when not given. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** Where it came from; empty when not given. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Builds a {@link TaskDef}; every setter returns the builder. */
    public static final class Builder {
        private String number;
        private final List<String> headings = new ArrayList<>();
        private final String title;
        private String text;
        private String source;

        private Builder(String title) {
            this.title = title;
        }

        /** Number as printed, e.g. "12". */
        public Builder number(String number) {
            this.number = number;
            return this;
        }

        /** Appends headings above the task, outermost first, e.g. "二、重点任务", "(一)深化…". */
        public Builder headings(String... headings) {
            for (String h : headings)
                this.headings.add(Objects.requireNonNull(h, "heading"));
            return this;
        }

        /** The task's full text. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Where it came from, for messages. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** The definition. */
        public TaskDef build() {
            return new TaskDef(this);
        }
    }
}

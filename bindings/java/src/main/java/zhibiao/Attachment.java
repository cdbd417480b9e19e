package zhibiao;

import java.util.Objects;

/** An attachment (附件) of a plan: a snapshot. */
public final class Attachment {
    private final int number;
    private final AttachmentKind kind;
    private final String title;
    private final String text;

    Attachment(int number, AttachmentKind kind, String title, String text) {
        this.number = number;
        this.kind = kind;
        this.title = title;
        this.text = text;
    }

    /** Its number as in 附件2. */
    public int number() {
        return number;
    }

    /** What it holds. */
    public AttachmentKind kind() {
        return kind;
    }

    /** Its title. */
    public String title() {
        return title;
    }

    /** Its text (for a text attachment); "" when none. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "附件" + number + " " + title;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attachment))
            return false;
        Attachment x = (Attachment) o;
        return number == x.number
                && kind == x.kind
                && title.equals(x.title)
                && text.equals(x.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, kind, title, text);
    }
}

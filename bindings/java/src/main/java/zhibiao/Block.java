package zhibiao;

import java.util.Objects;

/** A block of body text: a heading (levels 1–4: 一、 (一) 1. (1)) or a paragraph (level 0). A snapshot. */
public final class Block {
    private final Part part;
    private final int level;
    private final String text;

    Block(Part part, int level, String text) {
        this.part = part;
        this.level = level;
        this.text = text;
    }

    /** Which text it belongs to. */
    public Part part() {
        return part;
    }

    /** 0 for a paragraph, 1 to 4 for a heading. */
    public int level() {
        return level;
    }

    /** Its text. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return level + " " + text;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Block))
            return false;
        Block x = (Block) o;
        return part == x.part
                && level == x.level
                && text.equals(x.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(part, level, text);
    }
}

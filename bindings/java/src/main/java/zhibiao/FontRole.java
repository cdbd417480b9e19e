package zhibiao;

/** zb_font_role: the roles of type in an official document (font.h); values as in C, only ever appended. */
public enum FontRole {
    /** Body text, 三号仿宋. */
    BODY(0),
    /** Title and issuing-organ mark, 小标宋. */
    TITLE(1),
    /** First-level headings, 附件N labels, table headers: 黑体. */
    HEADING(2),
    /** Second-level headings: 楷体. */
    KAI(3),
    /** Page numbers and figures in tables: 宋体. */
    NUMBER(4);

    private final int value;

    FontRole(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static FontRole of(int value) {
        for (FontRole e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no FontRole has the value " + value);
    }
}

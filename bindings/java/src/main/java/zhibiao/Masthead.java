package zhibiao;

/** zb_masthead: the form of a document's 版头 (pdf.h); values as in C, only ever appended. */
public enum Masthead {
    /** 文件式: the organ mark (else the organ + 文件), the 发文字号 and the red rule. */
    FILE(0),
    /** The same with the organ's name alone as the mark, without 文件. */
    MARK(1),
    /** 信函格式 (§10.1): the mark between red double rules, no page number on the first page. */
    LETTER(2),
    /** No 版头: the title opens the first page. */
    NONE(3);

    private final int value;

    Masthead(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Masthead of(int value) {
        for (Masthead e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Masthead has the value " + value);
    }
}

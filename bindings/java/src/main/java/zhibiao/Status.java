package zhibiao;

/** zb_status: the result of every fallible call (common.h); values as in C, only ever appended. */
public enum Status {
    /** Success. */
    OK(0),
    /** Out of memory. */
    NOMEM(1),
    /** A bad call: a missing value, an index out of range, a closed object. */
    ARGUMENT(2),
    /** A file could not be read. */
    IO(3),
    /** An output could not be written; the destination is unchanged. */
    WRITE(4),
    /** Input is not well-formed (JSON or CSV syntax). */
    SYNTAX(5),
    /** Input is not valid UTF-8 (for example a GBK file). */
    ENCODING(6),
    /** Well-formed input of the wrong shape. */
    SCHEMA(7),
    /** A value that cannot be used: a bad date, period, number or name. */
    VALUE(8),
    /** Something that must be unique is not. */
    DUPLICATE(9),
    /** A reference to something that does not exist. */
    NOT_FOUND(10),
    /** The plan failed validation. */
    INVALID(11),
    /** The xlsx writer (libxlsxwriter) reported an error. */
    XLSX(12),
    /** The PDF writer (libharu) reported an error. */
    PDF(13);

    private final int value;

    Status(int value) {
        this.value = value;
    }

    /** The category in words, e.g. "cannot write output" (zb_strerror()). */
    public String describe() {
        return Lib.c().zb_strerror(value);
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static Status of(int value) {
        for (Status e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no Status has the value " + value);
    }
}

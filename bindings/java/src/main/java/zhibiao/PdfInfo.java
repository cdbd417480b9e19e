package zhibiao;

/** What a written PDF came to (zb_pdf_info): pages, size and the fallback fonts used. */
public final class PdfInfo {
    private final int pages;
    private final long bytes;
    private final long fallbackChars;
    private final String fallbackNote;

    PdfInfo(int pages, long bytes, long fallbackChars, String fallbackNote) {
        this.pages = pages;
        this.bytes = bytes;
        this.fallbackChars = fallbackChars;
        this.fallbackNote = fallbackNote;
    }

    /** Number of pages. */
    public int pages() {
        return pages;
    }

    /** Size of the document in bytes. */
    public long bytes() {
        return bytes;
    }

    /** Number of distinct characters drawn from a fallback font because a role's font lacked them. */
    public long fallbackChars() {
        return fallbackChars;
    }

    /** Which, e.g. "〔〕 from WenQuanYi Zen Hei (body)"; "" when none. */
    public String fallbackNote() {
        return fallbackNote;
    }

    @Override
    public String toString() {
        return pages + " pages, " + bytes + " bytes" + (fallbackNote.isEmpty() ? "" : ", " + fallbackNote);
    }
}

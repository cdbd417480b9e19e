package zhibiao;

/** zb_sheet_margins: where a workbook prints on the page (xlsx.h); values as in C, only ever appended. */
public enum SheetMargins {
    /** As the 附件 of an official document: in the type area of GB/T 9704-2012 (37 mm top, 35 mm
     *  bottom, 28 mm binding side, 26 mm the other), the page number 7 mm below it. */
    DOCUMENT(0),
    /** A spreadsheet's own: 19 mm at the sides, 25 mm top and bottom. */
    SHEET(1);

    private final int value;

    SheetMargins(int value) {
        this.value = value;
    }

    /** The C value. */
    public int value() {
        return value;
    }

    /** The constant of C value {@code value}; IllegalArgumentException when there is none. */
    public static SheetMargins of(int value) {
        for (SheetMargins e : values())
            if (e.value == value)
                return e;
        throw new IllegalArgumentException("no SheetMargins has the value " + value);
    }
}

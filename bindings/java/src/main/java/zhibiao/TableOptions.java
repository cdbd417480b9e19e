package zhibiao;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the target table (目标体系表): what zb_table_options holds. Unset means the library's default.
 * Immutable; made with {@link #builder()}; {@link #DEFAULTS} leaves every field unset.
 */
public final class TableOptions {
    /** Every field unset: the library's defaults. */
    public static final TableOptions DEFAULTS = builder().build();

    private final String label;
    private final String title;
    private final String sheetName;
    private final String headerSeq;
    private final String headerCategory;
    private final String headerName;
    private final String headerUnit;
    private final String headerTarget;
    private final String headerResponsible;
    private final Boolean unitColumn;
    private final String fontBody;
    private final String fontHeading;
    private final String fontTitle;
    private final double bodySize;
    private final double titleSize;
    private final String headerAttribute;
    private final String headerBase;
    private final String headerNote;
    private final Path scratchDir;
    private final SheetMargins margins;
    private final boolean force;

    private TableOptions(Builder b) {
        this.force = b.force;
        this.headerAttribute = b.headerAttribute;
        this.headerBase = b.headerBase;
        this.headerNote = b.headerNote;
        this.scratchDir = b.scratchDir;
        this.margins = b.margins;
        this.label = b.label;
        this.title = b.title;
        this.sheetName = b.sheetName;
        this.headerSeq = b.headerSeq;
        this.headerCategory = b.headerCategory;
        this.headerName = b.headerName;
        this.headerUnit = b.headerUnit;
        this.headerTarget = b.headerTarget;
        this.headerResponsible = b.headerResponsible;
        this.unitColumn = b.unitColumn;
        this.fontBody = b.fontBody;
        this.fontHeading = b.fontHeading;
        this.fontTitle = b.fontTitle;
        this.bodySize = b.bodySize;
        this.titleSize = b.titleSize;
    }

    /** A builder with every field unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.force = force;
        b.headerAttribute = headerAttribute;
        b.headerBase = headerBase;
        b.headerNote = headerNote;
        b.scratchDir = scratchDir;
        b.margins = margins;
        b.label = label;
        b.title = title;
        b.sheetName = sheetName;
        b.headerSeq = headerSeq;
        b.headerCategory = headerCategory;
        b.headerName = headerName;
        b.headerUnit = headerUnit;
        b.headerTarget = headerTarget;
        b.headerResponsible = headerResponsible;
        b.unitColumn = unitColumn;
        b.fontBody = fontBody;
        b.fontHeading = fontHeading;
        b.fontTitle = fontTitle;
        b.bodySize = bodySize;
        b.titleSize = titleSize;
        return b;
    }

    /** Top-left label, e.g. "附件2" (黑体); default none. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** Title; default "<year>年目标体系表". */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Worksheet name; default "目标体系表" (made valid for Excel). */
    public Optional<String> sheetName() {
        return Optional.ofNullable(sheetName);
    }

    /** Header of the 序号 column. */
    public Optional<String> headerSeq() {
        return Optional.ofNullable(headerSeq);
    }

    /** Header of the 类别 column. */
    public Optional<String> headerCategory() {
        return Optional.ofNullable(headerCategory);
    }

    /** Header of the 指标名称 column. */
    public Optional<String> headerName() {
        return Optional.ofNullable(headerName);
    }

    /** Header of the 计量单位 column. */
    public Optional<String> headerUnit() {
        return Optional.ofNullable(headerUnit);
    }

    /** Header of the target column; default "<year>年目标值". */
    public Optional<String> headerTarget() {
        return Optional.ofNullable(headerTarget);
    }

    /** Header of the 责任单位 column. */
    public Optional<String> headerResponsible() {
        return Optional.ofNullable(headerResponsible);
    }

    /**
     * The 计量单位 column after the name (names then lose their unit group): empty = when some
     * indicator's unit was given apart from its name; true = always; false = never.
     */
    public Optional<Boolean> unitColumn() {
        return Optional.ofNullable(unitColumn);
    }

    /** Font of the body cells; default 仿宋_GB2312. */
    public Optional<String> fontBody() {
        return Optional.ofNullable(fontBody);
    }

    /** Font of the label and the header row; default 黑体. */
    public Optional<String> fontHeading() {
        return Optional.ofNullable(fontHeading);
    }

    /** Font of the title; default 方正小标宋简体. */
    public Optional<String> fontTitle() {
        return Optional.ofNullable(fontTitle);
    }

    /** Body font size in points; default 12. */
    public double bodySize() {
        return bodySize;
    }

    /** Title font size in points; default 22 (二号). */
    public double titleSize() {
        return titleSize;
    }

    /** Folder for the temporary files libxlsxwriter writes while it builds the workbook (and, for the bytes variants, the workbook itself before it is read back); default TMPDIR, else /tmp. Errors name it. */
    public Optional<Path> scratchDir() {
        return Optional.ofNullable(scratchDir);
    }

    /** Where the workbook prints: {@link SheetMargins#DOCUMENT} (the type area of the notice it is attached to, the default) or {@link SheetMargins#SHEET} (a spreadsheet's own margins). */
    public SheetMargins margins() {
        return margins;
    }

    /** Header of the 属性 column (shown when an indicator has an attribute); default 属性. */
    public Optional<String> headerAttribute() {
        return Optional.ofNullable(headerAttribute);
    }

    /** Header of the base column (shown when an indicator has a base value); default "<year>年基期值". */
    public Optional<String> headerBase() {
        return Optional.ofNullable(headerBase);
    }

    /** Header of the 备注 column (shown when an indicator has a note); default 备注. */
    public Optional<String> headerNote() {
        return Optional.ofNullable(headerNote);
    }

    /** Whether the writer writes a plan with errors anyway (default false: it first checks the plan for the document, as {@link Plan#validate(DocumentKind, boolean, String)} does, and throws {@link ZhibiaoException} with {@link Status#INVALID} listing the errors, writing nothing); warnings never stop it. */
    public boolean force() {
        return force;
    }

    ZbLibrary.TableOptionsStruct toStruct() {
        ZbLibrary.TableOptionsStruct s = new ZbLibrary.TableOptionsStruct();
        s.label = label;
        s.title = title;
        s.sheet_name = sheetName;
        s.header_seq = headerSeq;
        s.header_category = headerCategory;
        s.header_name = headerName;
        s.header_unit = headerUnit;
        s.header_target = headerTarget;
        s.header_responsible = headerResponsible;
        s.unit_column = unitColumn == null ? 0 : unitColumn ? 1 : -1;
        s.font_body = fontBody;
        s.font_heading = fontHeading;
        s.font_title = fontTitle;
        s.body_size = bodySize;
        s.title_size = titleSize;
        s.header_attribute = headerAttribute;
        s.header_base = headerBase;
        s.header_note = headerNote;
        s.scratch_dir = scratchDir == null ? null : scratchDir.toString();
        s.margins = margins.value();
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableOptions))
            return false;
        TableOptions x = (TableOptions) o;
        return force == x.force
                && Objects.equals(headerNote, x.headerNote)
                && Objects.equals(headerBase, x.headerBase)
                && Objects.equals(headerAttribute, x.headerAttribute)
                && Objects.equals(scratchDir, x.scratchDir)
                && margins == x.margins
                && Objects.equals(label, x.label)
                && Objects.equals(title, x.title)
                && Objects.equals(sheetName, x.sheetName)
                && Objects.equals(headerSeq, x.headerSeq)
                && Objects.equals(headerCategory, x.headerCategory)
                && Objects.equals(headerName, x.headerName)
                && Objects.equals(headerUnit, x.headerUnit)
                && Objects.equals(headerTarget, x.headerTarget)
                && Objects.equals(headerResponsible, x.headerResponsible)
                && Objects.equals(unitColumn, x.unitColumn)
                && Objects.equals(fontBody, x.fontBody)
                && Objects.equals(fontHeading, x.fontHeading)
                && Objects.equals(fontTitle, x.fontTitle)
                && Objects.equals(bodySize, x.bodySize)
                && Objects.equals(titleSize, x.titleSize);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hash(headerAttribute, scratchDir, label, title, sheetName, headerSeq, headerCategory, headerName, headerUnit, headerTarget, headerResponsible, unitColumn, fontBody, fontHeading, fontTitle, bodySize, titleSize) + margins.hashCode()) + Boolean.hashCode(force);
    }

    /** Builds {@link TableOptions}; every setter returns the builder. */
    public static final class Builder {
        private String label;
        private String title;
        private String sheetName;
        private String headerSeq;
        private String headerCategory;
        private String headerName;
        private String headerUnit;
        private String headerTarget;
        private String headerResponsible;
        private Boolean unitColumn;
        private String fontBody;
        private String fontHeading;
        private String fontTitle;
        private double bodySize;
        private double titleSize;
        private String headerAttribute;
        private String headerBase;
        private String headerNote;
        private Path scratchDir;
        private SheetMargins margins = SheetMargins.DOCUMENT;
        private boolean force;

        private Builder() {
        }

        /** Whether the writer writes a plan with errors anyway (default false: it first checks the plan for the document, as {@link Plan#validate(DocumentKind, boolean, String)} does, and throws {@link ZhibiaoException} with {@link Status#INVALID} listing the errors, writing nothing); warnings never stop it. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Top-left label, e.g. "附件2" (黑体); default none. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Title; default "<year>年目标体系表". */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Worksheet name; default "目标体系表" (made valid for Excel). */
        public Builder sheetName(String sheetName) {
            this.sheetName = sheetName;
            return this;
        }

        /** Header of the 序号 column. */
        public Builder headerSeq(String headerSeq) {
            this.headerSeq = headerSeq;
            return this;
        }

        /** Header of the 类别 column. */
        public Builder headerCategory(String headerCategory) {
            this.headerCategory = headerCategory;
            return this;
        }

        /** Header of the 指标名称 column. */
        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        /** Header of the 计量单位 column. */
        public Builder headerUnit(String headerUnit) {
            this.headerUnit = headerUnit;
            return this;
        }

        /** Header of the target column; default "<year>年目标值". */
        public Builder headerTarget(String headerTarget) {
            this.headerTarget = headerTarget;
            return this;
        }

        /** Header of the 责任单位 column. */
        public Builder headerResponsible(String headerResponsible) {
            this.headerResponsible = headerResponsible;
            return this;
        }

        /** The 计量单位 column: true = always, false = never, null (the default) = when a unit was given apart from a name. */
        public Builder unitColumn(Boolean unitColumn) {
            this.unitColumn = unitColumn;
            return this;
        }

        /** Font of the body cells; default 仿宋_GB2312. */
        public Builder fontBody(String fontBody) {
            this.fontBody = fontBody;
            return this;
        }

        /** Font of the label and the header row; default 黑体. */
        public Builder fontHeading(String fontHeading) {
            this.fontHeading = fontHeading;
            return this;
        }

        /** Font of the title; default 方正小标宋简体. */
        public Builder fontTitle(String fontTitle) {
            this.fontTitle = fontTitle;
            return this;
        }

        /** Body font size in points; default 12. */
        public Builder bodySize(double bodySize) {
            if (!Double.isFinite(bodySize) || bodySize < 0)
                throw new IllegalArgumentException("bodySize must be a finite number >= 0 (0: the default), not " + bodySize);
            this.bodySize = bodySize;
            return this;
        }

        /** Title font size in points; default 22 (二号). */
        public Builder titleSize(double titleSize) {
            if (!Double.isFinite(titleSize) || titleSize < 0)
                throw new IllegalArgumentException("titleSize must be a finite number >= 0 (0: the default), not " + titleSize);
            this.titleSize = titleSize;
            return this;
        }

        /** Folder for the temporary files libxlsxwriter writes while it builds the workbook (and, for the bytes variants, the workbook itself before it is read back); default TMPDIR, else /tmp. Errors name it. */
        public Builder scratchDir(Path scratchDir) {
            this.scratchDir = scratchDir;
            return this;
        }

        /** Where the workbook prints: {@link SheetMargins#DOCUMENT} (the type area of the notice it is attached to, the default) or {@link SheetMargins#SHEET} (a spreadsheet's own margins). */
        public Builder margins(SheetMargins margins) {
            this.margins = Objects.requireNonNull(margins, "margins");
            return this;
        }

        /** Header of the 属性 column (shown when an indicator has an attribute); default 属性. */
        public Builder headerAttribute(String headerAttribute) {
            this.headerAttribute = headerAttribute;
            return this;
        }

        /** Header of the base column (shown when an indicator has a base value); default "<year>年基期值". */
        public Builder headerBase(String headerBase) {
            this.headerBase = headerBase;
            return this;
        }

        /** Header of the 备注 column (shown when an indicator has a note); default 备注. */
        public Builder headerNote(String headerNote) {
            this.headerNote = headerNote;
            return this;
        }

        /** The options. */
        public TableOptions build() {
            return new TableOptions(this);
        }
    }
}

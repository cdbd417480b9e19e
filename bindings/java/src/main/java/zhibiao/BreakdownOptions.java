package zhibiao;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the responsibility breakdown (责任分解表): what zb_breakdown_options holds.
 * Immutable; made with {@link #builder()}; {@link #DEFAULTS} leaves every field unset.
 */
public final class BreakdownOptions {
    /** Every field unset: the library's defaults. */
    public static final BreakdownOptions DEFAULTS = builder().build();

    private final String title;
    private final String fontBody;
    private final String fontHeading;
    private final String fontTitle;
    private final Path scratchDir;
    private final SheetMargins margins;
    private final boolean force;

    private BreakdownOptions(Builder b) {
        this.force = b.force;
        this.scratchDir = b.scratchDir;
        this.margins = b.margins;
        this.title = b.title;
        this.fontBody = b.fontBody;
        this.fontHeading = b.fontHeading;
        this.fontTitle = b.fontTitle;
    }

    /** A builder with every field unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.force = force;
        b.scratchDir = scratchDir;
        b.margins = margins;
        b.title = title;
        b.fontBody = fontBody;
        b.fontHeading = fontHeading;
        b.fontTitle = fontTitle;
        return b;
    }

    /** Title over each sheet; default "<plan title>责任分解表". */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Font of the body cells; default 仿宋_GB2312. */
    public Optional<String> fontBody() {
        return Optional.ofNullable(fontBody);
    }

    /** Font of the header row; default 黑体. */
    public Optional<String> fontHeading() {
        return Optional.ofNullable(fontHeading);
    }

    /** Font of the title; default 方正小标宋简体. */
    public Optional<String> fontTitle() {
        return Optional.ofNullable(fontTitle);
    }

    /** Folder for the temporary files libxlsxwriter writes while it builds the workbook (and, for the bytes variants, the workbook itself before it is read back); default TMPDIR, else /tmp. Errors name it. */
    public Optional<Path> scratchDir() {
        return Optional.ofNullable(scratchDir);
    }

    /** Where the workbook prints: {@link SheetMargins#DOCUMENT} (the type area of the notice it is attached to, the default) or {@link SheetMargins#SHEET} (a spreadsheet's own margins). */
    public SheetMargins margins() {
        return margins;
    }

    /** Whether the writer writes a plan with errors anyway (default false: it first checks the plan for the document, as {@link Plan#validate(DocumentKind, boolean, String)} does, and throws {@link ZhibiaoException} with {@link Status#INVALID} listing the errors, writing nothing); warnings never stop it. */
    public boolean force() {
        return force;
    }

    ZbLibrary.BreakdownOptionsStruct toStruct() {
        ZbLibrary.BreakdownOptionsStruct s = new ZbLibrary.BreakdownOptionsStruct();
        s.title = title;
        s.font_body = fontBody;
        s.font_heading = fontHeading;
        s.font_title = fontTitle;
        s.scratch_dir = scratchDir == null ? null : scratchDir.toString();
        s.margins = margins.value();
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BreakdownOptions))
            return false;
        BreakdownOptions x = (BreakdownOptions) o;
        return force == x.force
                && Objects.equals(scratchDir, x.scratchDir)
                && margins == x.margins
                && Objects.equals(title, x.title)
                && Objects.equals(fontBody, x.fontBody)
                && Objects.equals(fontHeading, x.fontHeading)
                && Objects.equals(fontTitle, x.fontTitle);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hash(scratchDir, title, fontBody, fontHeading, fontTitle) + margins.hashCode()) + Boolean.hashCode(force);
    }

    /** Builds {@link BreakdownOptions}; every setter returns the builder. */
    public static final class Builder {
        private String title;
        private String fontBody;
        private String fontHeading;
        private String fontTitle;
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

        /** Title over each sheet; default "<plan title>责任分解表". */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Font of the body cells; default 仿宋_GB2312. */
        public Builder fontBody(String fontBody) {
            this.fontBody = fontBody;
            return this;
        }

        /** Font of the header row; default 黑体. */
        public Builder fontHeading(String fontHeading) {
            this.fontHeading = fontHeading;
            return this;
        }

        /** Font of the title; default 方正小标宋简体. */
        public Builder fontTitle(String fontTitle) {
            this.fontTitle = fontTitle;
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

        /** The options. */
        public BreakdownOptions build() {
            return new BreakdownOptions(this);
        }
    }
}

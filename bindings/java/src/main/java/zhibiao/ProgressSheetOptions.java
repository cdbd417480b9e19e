package zhibiao;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Options of the monitoring workbook (指标监测表): what zb_progress_sheet_options holds.
 * Immutable; made with {@link #builder()}; {@link #DEFAULTS} leaves every field unset.
 */
public final class ProgressSheetOptions {
    /** Every field unset: the library's defaults. */
    public static final ProgressSheetOptions DEFAULTS = builder().build();

    private final String title;
    private final Double aboutTolerance;
    private final String fontBody;
    private final String fontHeading;
    private final String fontTitle;
    private final Path scratchDir;
    private final boolean force;

    private ProgressSheetOptions(Builder b) {
        this.force = b.force;
        this.scratchDir = b.scratchDir;
        this.title = b.title;
        this.aboutTolerance = b.aboutTolerance;
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
        b.title = title;
        b.aboutTolerance = aboutTolerance;
        b.fontBody = fontBody;
        b.fontHeading = fontHeading;
        b.fontTitle = fontTitle;
        return b;
    }

    /** Title; default "<year>年<m>月指标监测表". */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** How far a target qualified 左右 may be missed and still count as met (zb_progress_options.about_tolerance): percentage points for a % target, else a fraction of the target; negative means none; default 0.5 points or 2 %. */
    public OptionalDouble aboutTolerance() {
        return aboutTolerance == null ? OptionalDouble.empty() : OptionalDouble.of(aboutTolerance);
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

    /** Whether the writer writes a plan with errors anyway (default false: it first checks the plan for the document, as {@link Plan#validate(DocumentKind, boolean, String)} does, and throws {@link ZhibiaoException} with {@link Status#INVALID} listing the errors, writing nothing); warnings never stop it. */
    public boolean force() {
        return force;
    }

    ZbLibrary.ProgressSheetOptionsStruct toStruct() {
        ZbLibrary.ProgressSheetOptionsStruct s = new ZbLibrary.ProgressSheetOptionsStruct();
        s.title = title;
        if (aboutTolerance != null) {
            s.progress = new ZbLibrary.ProgressOptionsStruct.ByReference();
            s.progress.about_tolerance = aboutTolerance;
        }
        s.font_body = fontBody;
        s.font_heading = fontHeading;
        s.font_title = fontTitle;
        s.scratch_dir = scratchDir == null ? null : scratchDir.toString();
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProgressSheetOptions))
            return false;
        ProgressSheetOptions x = (ProgressSheetOptions) o;
        return force == x.force
                && Objects.equals(scratchDir, x.scratchDir)
                && Objects.equals(title, x.title)
                && Objects.equals(aboutTolerance, x.aboutTolerance)
                && Objects.equals(fontBody, x.fontBody)
                && Objects.equals(fontHeading, x.fontHeading)
                && Objects.equals(fontTitle, x.fontTitle);
    }

    @Override
    public int hashCode() {
        return 31 * (Objects.hash(scratchDir, title, aboutTolerance, fontBody, fontHeading, fontTitle)) + Boolean.hashCode(force);
    }

    /** Builds {@link ProgressSheetOptions}; every setter returns the builder. */
    public static final class Builder {
        private String title;
        private Double aboutTolerance;
        private String fontBody;
        private String fontHeading;
        private String fontTitle;
        private Path scratchDir;
        private boolean force;

        private Builder() {
        }

        /** Whether the writer writes a plan with errors anyway (default false: it first checks the plan for the document, as {@link Plan#validate(DocumentKind, boolean, String)} does, and throws {@link ZhibiaoException} with {@link Status#INVALID} listing the errors, writing nothing); warnings never stop it. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Title; default "<year>年<m>月指标监测表". */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** How far a target qualified 左右 may be missed and still count as met (zb_progress_options.about_tolerance): percentage points for a % target, else a fraction of the target; negative means none; default 0.5 points or 2 %. */
        public Builder aboutTolerance(double aboutTolerance) {
            if (!Double.isFinite(aboutTolerance))
                throw new IllegalArgumentException("aboutTolerance must be finite, not " + aboutTolerance);
            this.aboutTolerance = aboutTolerance;
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

        /** The options. */
        public ProgressSheetOptions build() {
            return new ProgressSheetOptions(this);
        }
    }
}

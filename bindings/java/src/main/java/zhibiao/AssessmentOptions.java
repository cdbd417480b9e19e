package zhibiao;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Options of the annual assessment (年度考核): what zb_assessment_options holds.
 * Immutable; made with {@link #builder()}; {@link #DEFAULTS} leaves every field unset.
 */
public final class AssessmentOptions {
    /** Every field unset: the library's defaults. */
    public static final AssessmentOptions DEFAULTS = builder().build();

    private final String title;
    private final Scoring scoring;
    private final double cap;
    private final Double aboutTolerance;
    private final String fontBody;
    private final String fontHeading;
    private final String fontTitle;
    private final Path scratchDir;
    private final boolean force;

    private AssessmentOptions(Builder b) {
        this.force = b.force;
        this.scratchDir = b.scratchDir;
        this.title = b.title;
        this.scoring = b.scoring;
        this.cap = b.cap;
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
        b.scoring = scoring;
        b.cap = cap;
        b.aboutTolerance = aboutTolerance;
        b.fontBody = fontBody;
        b.fontHeading = fontHeading;
        b.fontTitle = fontTitle;
        return b;
    }

    /** Title; default "<year>年度指标考核结果". */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** The scoring rule; default proportional. */
    public Optional<Scoring> scoring() {
        return Optional.ofNullable(scoring);
    }

    /** Cap on over-completion for proportional scoring, as a fraction; default 1.2. */
    public double cap() {
        return cap;
    }

    /** Tolerance of 左右 targets, as in {@link ProgressSheetOptions.Builder#aboutTolerance(double)}. */
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

    ZbLibrary.AssessmentOptionsStruct toStruct() {
        ZbLibrary.AssessmentOptionsStruct s = new ZbLibrary.AssessmentOptionsStruct();
        s.title = title;
        s.scoring = scoring == null ? 0 : scoring.value();
        s.cap = cap;
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
        if (!(o instanceof AssessmentOptions))
            return false;
        AssessmentOptions x = (AssessmentOptions) o;
        return force == x.force
                && Objects.equals(scratchDir, x.scratchDir)
                && Objects.equals(title, x.title)
                && Objects.equals(scoring, x.scoring)
                && Objects.equals(cap, x.cap)
                && Objects.equals(aboutTolerance, x.aboutTolerance)
                && Objects.equals(fontBody, x.fontBody)
                && Objects.equals(fontHeading, x.fontHeading)
                && Objects.equals(fontTitle, x.fontTitle);
    }

    @Override
    public int hashCode() {
        return 31 * (Objects.hash(scratchDir, title, scoring, cap, aboutTolerance, fontBody, fontHeading, fontTitle)) + Boolean.hashCode(force);
    }

    /** Builds {@link AssessmentOptions}; every setter returns the builder. */
    public static final class Builder {
        private String title;
        private Scoring scoring;
        private double cap;
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

        /** Title; default "<year>年度指标考核结果". */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The scoring rule; default proportional. */
        public Builder scoring(Scoring scoring) {
            this.scoring = scoring;
            return this;
        }

        /** Cap on over-completion for proportional scoring, as a fraction; default 1.2. */
        public Builder cap(double cap) {
            if (!Double.isFinite(cap) || cap < 0)
                throw new IllegalArgumentException("cap must be a finite number >= 0 (0: the default), not " + cap);
            this.cap = cap;
            return this;
        }

        /** Tolerance of 左右 targets, as in {@link ProgressSheetOptions.Builder#aboutTolerance(double)}. */
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
        public AssessmentOptions build() {
            return new AssessmentOptions(this);
        }
    }
}

package zhibiao;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Options of the progress bulletin (通报): the fonts to use and what zb_bulletin_options holds.
 * Immutable; made with {@link #builder()}; {@link #DEFAULTS} leaves every field unset.
 */
public final class BulletinOptions {
    /** Every field unset: the library's defaults. */
    public static final BulletinOptions DEFAULTS = builder().build();

    private final Fonts fonts;
    private final String title;
    private final String docNumber;
    private final Double aboutTolerance;
    private final Path sealPng;
    private final boolean sealed;
    private final byte[] sealPngBytes;
    private final Masthead masthead;
    private final boolean force;

    private BulletinOptions(Builder b) {
        this.force = b.force;
        this.sealPngBytes = b.sealPngBytes;
        this.masthead = b.masthead;
        this.fonts = b.fonts;
        this.title = b.title;
        this.docNumber = b.docNumber;
        this.aboutTolerance = b.aboutTolerance;
        this.sealPng = b.sealPng;
        this.sealed = b.sealed;
    }

    /** A builder with every field unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.force = force;
        b.sealPngBytes = sealPngBytes;
        b.masthead = masthead;
        b.fonts = fonts;
        b.title = title;
        b.docNumber = docNumber;
        b.aboutTolerance = aboutTolerance;
        b.sealPng = sealPng;
        b.sealed = sealed;
        return b;
    }

    /** Fonts by role; default the library's, loaded for each call. */
    public Optional<Fonts> fonts() {
        return Optional.ofNullable(fonts);
    }

    /** Title; default "关于<year>年第<q>季度<plan title>指标进展情况的通报". */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Document number; default none. */
    public Optional<String> docNumber() {
        return Optional.ofNullable(docNumber);
    }

    /** Tolerance of 左右 targets, as in {@link ProgressSheetOptions.Builder#aboutTolerance(double)}. */
    public OptionalDouble aboutTolerance() {
        return aboutTolerance == null ? OptionalDouble.empty() : OptionalDouble.of(aboutTolerance);
    }

    /** A seal image (PNG) pressed over the signature and date; implies sealed. */
    public Optional<Path> sealPng() {
        return Optional.ofNullable(sealPng);
    }

    /** Lay out the signature and date for a document that will be sealed. */
    public boolean sealed() {
        return sealed;
    }

    /** The seal as PNG bytes (for example from a database) instead of a file; copied; implies sealed. Giving it and sealPng is an error. */
    public Optional<byte[]> sealPngBytes() {
        return sealPngBytes == null ? Optional.empty() : Optional.of(sealPngBytes.clone());
    }

    /** The form of the 版头 (default {@link Masthead#FILE}). */
    public Masthead masthead() {
        return masthead;
    }

    /** Whether the writer writes a plan with errors anyway (default false: it first checks the plan for the document, as {@link Plan#validate(DocumentKind, boolean, String)} does, and throws {@link ZhibiaoException} with {@link Status#INVALID} listing the errors, writing nothing); warnings never stop it. */
    public boolean force() {
        return force;
    }

    ZbLibrary.BulletinOptionsStruct toStruct() {
        ZbLibrary.BulletinOptionsStruct s = new ZbLibrary.BulletinOptionsStruct();
        s.title = title;
        s.doc_number = docNumber;
        if (aboutTolerance != null) {
            s.progress = new ZbLibrary.ProgressOptionsStruct.ByReference();
            s.progress.about_tolerance = aboutTolerance;
        }
        s.seal_png = sealPng == null ? null : sealPng.toString();
        s.sealed = sealed ? 1 : 0;
        s.masthead = masthead.value();
        if (sealPngBytes != null) {
            com.sun.jna.Memory m = new com.sun.jna.Memory(sealPngBytes.length);
            m.write(0, sealPngBytes, 0, sealPngBytes.length);
            s.seal_png_data = m;
            s.seal_png_size = new ZbLibrary.SizeT(sealPngBytes.length);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BulletinOptions))
            return false;
        BulletinOptions x = (BulletinOptions) o;
        return force == x.force
                && java.util.Arrays.equals(sealPngBytes, x.sealPngBytes)
                && masthead == x.masthead
                && Objects.equals(fonts, x.fonts)
                && Objects.equals(title, x.title)
                && Objects.equals(docNumber, x.docNumber)
                && Objects.equals(aboutTolerance, x.aboutTolerance)
                && Objects.equals(sealPng, x.sealPng)
                && Objects.equals(sealed, x.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hash(fonts, title, docNumber, aboutTolerance, sealPng, sealed) + java.util.Arrays.hashCode(sealPngBytes) + masthead.hashCode()) + Boolean.hashCode(force);
    }

    /** Builds {@link BulletinOptions}; every setter returns the builder. */
    public static final class Builder {
        private Fonts fonts;
        private String title;
        private String docNumber;
        private Double aboutTolerance;
        private Path sealPng;
        private boolean sealed;
        private byte[] sealPngBytes;
        private Masthead masthead = Masthead.FILE;
        private boolean force;

        private Builder() {
        }

        /** Whether the writer writes a plan with errors anyway (default false: it first checks the plan for the document, as {@link Plan#validate(DocumentKind, boolean, String)} does, and throws {@link ZhibiaoException} with {@link Status#INVALID} listing the errors, writing nothing); warnings never stop it. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Fonts by role; default the library's, loaded for each call. */
        public Builder fonts(Fonts fonts) {
            this.fonts = fonts;
            return this;
        }

        /** Title; default "关于<year>年第<q>季度<plan title>指标进展情况的通报". */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Document number; default none. */
        public Builder docNumber(String docNumber) {
            this.docNumber = docNumber;
            return this;
        }

        /** Tolerance of 左右 targets, as in {@link ProgressSheetOptions.Builder#aboutTolerance(double)}. */
        public Builder aboutTolerance(double aboutTolerance) {
            if (!Double.isFinite(aboutTolerance))
                throw new IllegalArgumentException("aboutTolerance must be finite, not " + aboutTolerance);
            this.aboutTolerance = aboutTolerance;
            return this;
        }

        /** A seal image (PNG) pressed over the signature and date; implies sealed. */
        public Builder sealPng(Path sealPng) {
            this.sealPng = sealPng;
            return this;
        }

        /** Lay out the signature and date for a document that will be sealed. */
        public Builder sealed(boolean sealed) {
            this.sealed = sealed;
            return this;
        }

        /** The seal as PNG bytes (for example from a database) instead of a file; copied; implies sealed. Giving it and sealPng is an error. */
        public Builder sealPngBytes(byte[] png) {
            if (png != null && png.length == 0)
                throw new IllegalArgumentException("sealPngBytes: an empty seal");
            this.sealPngBytes = png == null ? null : png.clone();
            return this;
        }

        /** The form of the 版头: 文件式 (the default), the organ alone, 信函格式 or none. */
        public Builder masthead(Masthead masthead) {
            this.masthead = Objects.requireNonNull(masthead, "masthead");
            return this;
        }

        /** The options. */
        public BulletinOptions build() {
            return new BulletinOptions(this);
        }
    }
}

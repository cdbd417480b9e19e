package zhibiao;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the notice (通知): the fonts to use and what zb_notice_options holds.
 * Immutable; made with {@link #builder()}; {@link #DEFAULTS} leaves every field unset.
 */
public final class NoticeOptions {
    /** Every field unset: the library's defaults. */
    public static final NoticeOptions DEFAULTS = builder().build();

    private final Fonts fonts;
    private final Path sealPng;
    private final boolean sealed;
    private final boolean omitAttachments;
    private final boolean omitImprint;
    private final byte[] sealPngBytes;
    private final Masthead masthead;
    private final boolean force;

    private NoticeOptions(Builder b) {
        this.force = b.force;
        this.sealPngBytes = b.sealPngBytes;
        this.masthead = b.masthead;
        this.fonts = b.fonts;
        this.sealPng = b.sealPng;
        this.sealed = b.sealed;
        this.omitAttachments = b.omitAttachments;
        this.omitImprint = b.omitImprint;
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
        b.sealPng = sealPng;
        b.sealed = sealed;
        b.omitAttachments = omitAttachments;
        b.omitImprint = omitImprint;
        return b;
    }

    /** Fonts by role; default the library's (loaded for each call: when writing many, load {@link Fonts#defaults()} once and pass it). */
    public Optional<Fonts> fonts() {
        return Optional.ofNullable(fonts);
    }

    /** A seal image (PNG, transparent background) pressed over the signature and date; implies sealed. */
    public Optional<Path> sealPng() {
        return Optional.ofNullable(sealPng);
    }

    /** Lay out the signature and date for a document that will be sealed (GB/T 9704 §7.3.5.1). */
    public boolean sealed() {
        return sealed;
    }

    /** Leave the attachments out (the 附件说明 is still printed). */
    public boolean omitAttachments() {
        return omitAttachments;
    }

    /** Leave out the 版记 (抄送, 印发机关 and 印发日期). */
    public boolean omitImprint() {
        return omitImprint;
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

    ZbLibrary.NoticeOptionsStruct toStruct() {
        ZbLibrary.NoticeOptionsStruct s = new ZbLibrary.NoticeOptionsStruct();
        s.seal_png = sealPng == null ? null : sealPng.toString();
        s.sealed = sealed ? 1 : 0;
        s.omit_attachments = omitAttachments ? 1 : 0;
        s.omit_imprint = omitImprint ? 1 : 0;
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
        if (!(o instanceof NoticeOptions))
            return false;
        NoticeOptions x = (NoticeOptions) o;
        return force == x.force
                && java.util.Arrays.equals(sealPngBytes, x.sealPngBytes)
                && masthead == x.masthead
                && Objects.equals(fonts, x.fonts)
                && Objects.equals(sealPng, x.sealPng)
                && Objects.equals(sealed, x.sealed)
                && Objects.equals(omitAttachments, x.omitAttachments)
                && Objects.equals(omitImprint, x.omitImprint);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hash(fonts, sealPng, sealed, omitAttachments, omitImprint) + java.util.Arrays.hashCode(sealPngBytes) + masthead.hashCode()) + Boolean.hashCode(force);
    }

    /** Builds {@link NoticeOptions}; every setter returns the builder. */
    public static final class Builder {
        private Fonts fonts;
        private Path sealPng;
        private boolean sealed;
        private boolean omitAttachments;
        private boolean omitImprint;
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

        /** Fonts by role; default the library's (loaded for each call: when writing many, load {@link Fonts#defaults()} once and pass it). */
        public Builder fonts(Fonts fonts) {
            this.fonts = fonts;
            return this;
        }

        /** A seal image (PNG, transparent background) pressed over the signature and date; implies sealed. */
        public Builder sealPng(Path sealPng) {
            this.sealPng = sealPng;
            return this;
        }

        /** Lay out the signature and date for a document that will be sealed (GB/T 9704 §7.3.5.1). */
        public Builder sealed(boolean sealed) {
            this.sealed = sealed;
            return this;
        }

        /** Leave the attachments out (the 附件说明 is still printed). */
        public Builder omitAttachments(boolean omitAttachments) {
            this.omitAttachments = omitAttachments;
            return this;
        }

        /** Leave out the 版记 (抄送, 印发机关 and 印发日期). */
        public Builder omitImprint(boolean omitImprint) {
            this.omitImprint = omitImprint;
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
        public NoticeOptions build() {
            return new NoticeOptions(this);
        }
    }
}

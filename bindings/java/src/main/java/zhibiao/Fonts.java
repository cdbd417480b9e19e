package zhibiao;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fonts by role for official documents (zb_fontset): body (仿宋), title (小标宋), heading
 * (黑体), kai (楷体) and number (宋). Each font given is read and checked at once; roles left
 * unset are filled when a document is written (from {@code ZHIBIAO_FONT_DIR}, then free
 * Debian fonts), or now by {@link #loadDefaults()}.
 *
 * <p>Load a set once and pass it to every document (in {@link NoticeOptions} or
 * {@link BulletinOptions}): writers only read it, from any number of threads at once;
 * changing it waits for them. Close it when done ({@code try (Fonts f = Fonts.defaults())}).
 */
public final class Fonts implements AutoCloseable {
    final Handle<ZbLibrary.FontsetPtr> handle;

    /** An empty set: no role set yet. */
    public Fonts() {
        ZbLibrary c = Lib.c();
        handle = new Handle<>(this, c.zb_fontset_new(), c::zb_fontset_free, "fontset");
    }

    /** A set with every role filled (zb_fontset_load_defaults()). */
    public static Fonts defaults() {
        Fonts f = new Fonts();
        try {
            f.loadDefaults();
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    /**
     * A set read from a JSON file: {@code {"body": "simfang.ttf", "title": {"file": "x.ttc",
     * "index": 1}, "fallback": [...]}}, paths relative to the file.
     */
    public static Fonts load(Path json) {
        Fonts f = new Fonts();
        try {
            f.change(p -> Lib.c().zb_fontset_load_json(p, json.toString()));
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    private void change(java.util.function.ToIntFunction<ZbLibrary.FontsetPtr> call) {
        handle.change(p -> {
            int st = call.applyAsInt(p);
            if (st != 0)
                throw ZhibiaoException.of(st, Lib.c().zb_fontset_errmsg(p));
            return null;
        });
    }

    private static int role(FontRole role) {
        return Objects.requireNonNull(role, "role").value();
    }

    /** Uses the font file at {@code path} for {@code role} (face 0). */
    public Fonts set(FontRole role, Path path) {
        return set(role, path, 0);
    }

    /** Uses face {@code faceIndex} of the font file at {@code path} (a .ttc) for {@code role}. */
    public Fonts set(FontRole role, Path path, int faceIndex) {
        int r = role(role);
        String file = Objects.requireNonNull(path, "path").toString();
        change(p -> Lib.c().zb_fontset_set(p, r, file, faceIndex));
        return this;
    }

    /**
     * Uses a font held in memory for {@code role} (zb_fontset_set_role_memory()): the bytes of
     * a .ttf, or of a .ttc with face {@code faceIndex}, as read from a database or an upload.
     * The library copies them now (the array may be reused at once) and never reads or writes
     * the disk for this font. {@code name} is what messages and {@link #file(FontRole)} call
     * it, e.g. "simfang.ttf" (null: "&lt;memory&gt;").
     */
    public Fonts set(FontRole role, byte[] font, int faceIndex, String name) {
        int r = role(role);
        byte[] data = Objects.requireNonNull(font, "font");
        change(p -> Lib.c().zb_fontset_set_role_memory(p, r, data, new ZbLibrary.SizeT(data.length), faceIndex, name));
        return this;
    }

    /** Appends a font held in memory to the fallback chain, copied as by {@link #set(FontRole, byte[], int, String)}. */
    public Fonts addFallback(byte[] font, int faceIndex, String name) {
        byte[] data = Objects.requireNonNull(font, "font");
        change(p -> Lib.c().zb_fontset_add_fallback_memory(p, data, new ZbLibrary.SizeT(data.length), faceIndex, name));
        return this;
    }

    /** Appends a font searched for the characters a role's font lacks. */
    public Fonts addFallback(Path path) {
        return addFallback(path, 0);
    }

    /** Appends face {@code faceIndex} of a font to the fallback chain. */
    public Fonts addFallback(Path path, int faceIndex) {
        String file = Objects.requireNonNull(path, "path").toString();
        change(p -> Lib.c().zb_fontset_add_fallback(p, file, faceIndex));
        return this;
    }

    /**
     * Fills every role not set yet; {@link ZhibiaoException} ({@link Status#NOT_FOUND}) names
     * the role and the places looked in when one stays unset.
     */
    public Fonts loadDefaults() {
        change(p -> Lib.c().zb_fontset_load_defaults(p));
        return this;
    }

    /** Path of the font file serving {@code role}; "" when unset. */
    public String file(FontRole role) {
        int r = role(role);
        return handle.read(p -> Lib.c().zb_fontset_file(p, r));
    }

    /** Face index of the font serving {@code role}; -1 when unset. */
    public int faceIndex(FontRole role) {
        int r = role(role);
        return handle.read(p -> Lib.c().zb_fontset_face_index(p, r));
    }

    /**
     * One line saying what serves {@code role}, e.g. {@code body (仿宋): AR PL UMing CN, … — a
     * free stand-in for 仿宋_GB2312}; "" when unset.
     */
    public String describe(FontRole role) {
        int r = role(role);
        return handle.read(p -> Lib.c().zb_fontset_describe(p, r));
    }

    /** Paths of the fallback chain, in order. */
    public List<String> fallbacks() {
        return handle.read(p -> {
            ZbLibrary c = Lib.c();
            long n = c.zb_fontset_fallback_count(p).longValue();
            List<String> out = new ArrayList<>();
            for (long i = 0; i < n; i++)
                out.add(c.zb_fontset_fallback_file(p, new ZbLibrary.SizeT(i)));
            return List.copyOf(out);
        });
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Frees the fonts after the calls under way; later use throws. A second call does nothing. */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        if (isClosed())
            return "Fonts[closed]";
        StringBuilder b = new StringBuilder("Fonts[");
        for (FontRole r : FontRole.values()) {
            String f = file(r);
            b.append(r == FontRole.BODY ? "" : " ").append(r.name().toLowerCase()).append('=')
                    .append(f.isEmpty() ? "-" : f);
        }
        return b.append(']').toString();
    }
}

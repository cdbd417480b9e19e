package zhibiao;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds and loads libzhibiao once: the {@code zhibiao.library} system property, then the
 * {@code ZHIBIAO_LIBRARY} environment variable (either, when set, is the only place tried),
 * then the system ({@code jna.library.path}, {@code java.library.path}, the dynamic loader).
 * A failure is kept and thrown again, with where it looked, on every later use.
 */
final class Lib {
    private static final Object LOCK = new Object();
    private static ZbLibrary instance;
    private static String path;
    private static String failure;

    private Lib() {
    }

    /** The declared functions of the loaded library. */
    static ZbLibrary c() {
        synchronized (LOCK) {
            if (instance == null && failure == null)
                open();
            if (instance == null)
                throw new UnsatisfiedLinkError(failure);
            return instance;
        }
    }

    /** The file the library was loaded from. */
    static String path() {
        c();
        return path;
    }

    private static final Map<String, Object> OPTIONS = Map.of(
            Library.OPTION_STRING_ENCODING, StandardCharsets.UTF_8.name());

    private static void open() {
        List<String> looked = new ArrayList<>();
        String property = System.getProperty("zhibiao.library");
        String env = System.getenv("ZHIBIAO_LIBRARY");
        String named = null;
        String where = null;
        if (property != null && !property.isEmpty()) {
            named = property;
            where = "system property zhibiao.library=";
        } else if (env != null && !env.isEmpty()) {
            named = env;
            where = "ZHIBIAO_LIBRARY=";
        }
        ZbLibrary lib = null;
        if (named != null) {
            // Named explicitly: use it or fail, never quietly load another copy.
            try {
                lib = Native.load(new File(named).getAbsolutePath(), ZbLibrary.class, OPTIONS);
                path = new File(named).getAbsolutePath();
            } catch (UnsatisfiedLinkError e) {
                failure = where + named + " cannot be loaded: " + e.getMessage();
                return;
            }
        } else {
            looked.add("system property zhibiao.library: not set");
            looked.add("ZHIBIAO_LIBRARY: not set");
            try {
                lib = Native.load("zhibiao", ZbLibrary.class, OPTIONS);
                path = loadedFile();
            } catch (UnsatisfiedLinkError e) {
                looked.add("system (jna.library.path=" + System.getProperty("jna.library.path", "")
                        + ", java.library.path=" + System.getProperty("java.library.path", "")
                        + ", the dynamic loader): " + e.getMessage().replace('\n', ' '));
                failure = "libzhibiao cannot be found; looked in:\n  " + String.join("\n  ", looked)
                        + "\nbuild it (cmake --build build), or name it with -Dzhibiao.library=PATH"
                        + " or ZHIBIAO_LIBRARY=PATH";
                return;
            }
        }
        String version = lib.zb_version();
        if (!Version.VERSION.equals(version)) {
            failure = path + " is libzhibiao " + version + "; this binding is " + Version.VERSION;
            return;
        }
        instance = lib;
    }

    private static String loadedFile() {
        try {
            File f = NativeLibrary.getInstance("zhibiao").getFile();
            return f == null ? "libzhibiao (dynamic loader)" : f.getAbsolutePath();
        } catch (UnsatisfiedLinkError e) {
            return "libzhibiao (dynamic loader)";
        }
    }
}

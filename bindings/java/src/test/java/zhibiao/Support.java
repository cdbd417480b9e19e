package zhibiao;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the repository's files are for the tests (the zhibiao.source property, set by ctest). */
final class Support {
    private Support() {
    }

    static Path source() {
        String s = System.getProperty("zhibiao.source", System.getenv("ZB_SOURCE_DIR"));
        if (s == null)
            throw new IllegalStateException("set -Dzhibiao.source=<repository> (ctest does)");
        return Paths.get(s);
    }

    /** A file of examples/data. */
    static Path data(String name) {
        return source().resolve("examples").resolve("data").resolve(name);
    }

    /** A file of tests/data. */
    static Path testData(String... parts) {
        Path p = source().resolve("tests").resolve("data");
        for (String part : parts)
            p = p.resolve(part);
        return p;
    }

    /** The 桐庐 2024 plan with its actuals. */
    static Plan tonglu() {
        Plan plan = Plan.load(data("tonglu-2024.json"));
        plan.loadActuals(data("tonglu-2024-actuals.csv"));
        return plan;
    }
}

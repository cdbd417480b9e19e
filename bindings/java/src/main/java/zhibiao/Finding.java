package zhibiao;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One finding of {@link Plan#validate()} or of an import report: how serious, a stable code
 * ({@code duplicate-seq}, {@code unknown-unit}, {@code unplaced}, …), where and what. The
 * location is also given split: {@link #file()}, {@link #line()} and {@link #column()} when
 * it names a place in a file ({@code plan.json:14:7}, {@code table.csv:12}); a location
 * that names an item instead ({@code indicator 20}, {@code category 1}) has no file.
 */
public final class Finding {
    private static final Pattern LINE_COLUMN = Pattern.compile("(?s)(.+):([0-9]+):([0-9]+)");
    private static final Pattern LINE = Pattern.compile("(?s)(.+):([0-9]+)");

    private final Severity severity;
    private final String code;
    private final String location;
    private final String file;
    private final int line;
    private final int column;
    private final String message;

    Finding(Severity severity, String code, String location, String message) {
        this.severity = severity;
        this.code = code;
        this.location = location;
        this.message = message;
        // From the right, so that a file name holding colons stays whole.
        Matcher m = LINE_COLUMN.matcher(location);
        if (m.matches()) {
            file = m.group(1);
            line = Integer.parseInt(m.group(2));
            column = Integer.parseInt(m.group(3));
        } else if ((m = LINE.matcher(location)).matches()) {
            file = m.group(1);
            line = Integer.parseInt(m.group(2));
            column = 0;
        } else {
            file = null;
            line = 0;
            column = 0;
        }
    }

    /** How serious it is; errors must be fixed before documents are written. */
    public Severity severity() {
        return severity;
    }

    /** A stable short code for filtering: "duplicate-seq", "unknown-unit", "normalised", …. */
    public String code() {
        return code;
    }

    /** Where, as the library gives it: "plan.json:14:7", "table.csv:12", "indicator 20". */
    public String location() {
        return location;
    }

    /** The file of the location; empty when the location names an item, not a file. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The line (from 1) of the location; 0 when it has none. */
    public int line() {
        return line;
    }

    /** The column (from 1, in characters) of the location; 0 when it has none. */
    public int column() {
        return column;
    }

    /** What, in one line naming the indicator or task. */
    public String message() {
        return message;
    }

    /** {@code location: severity: message [code]}, as {@code zhibiao check} prints it. */
    @Override
    public String toString() {
        return (location.isEmpty() ? "" : location + ": ") + severity.name().toLowerCase() + ": " + message
                + " [" + code + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Finding))
            return false;
        Finding f = (Finding) o;
        return severity == f.severity && code.equals(f.code) && location.equals(f.location)
                && message.equals(f.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, code, location, message);
    }
}

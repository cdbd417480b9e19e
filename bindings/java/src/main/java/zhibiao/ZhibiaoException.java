package zhibiao;

import java.util.List;

/**
 * A call into libzhibiao failed. {@link #code()} is the C status; {@link #getMessage()} the
 * library's detail, located where it can be ({@code broken.json:3:11: year: expected an
 * integer, got a string}), or the category in words when it gave none. A failed import also
 * carries what it recognised and could not place in {@link #report()}; a writer that refused a
 * plan with errors ({@link Status#INVALID}) carries those errors there. A failed call changes
 * nothing.
 */
public class ZhibiaoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status code;
    private final List<Finding> report;

    /** An exception for {@code code} with {@code message} ("" or null: the category in words). */
    public ZhibiaoException(Status code, String message) {
        this(code, message, List.of());
    }

    ZhibiaoException(Status code, String message, List<Finding> report) {
        super(message == null || message.isEmpty() ? code.describe() : message);
        this.code = code;
        this.report = List.copyOf(report);
    }

    static ZhibiaoException of(int status, String message) {
        Status code;
        try {
            code = Status.of(status);
        } catch (IllegalArgumentException e) {
            return new ZhibiaoException(Status.ARGUMENT, "unknown status " + status + ": " + message);
        }
        return new ZhibiaoException(code, message);
    }

    /** The C status (never {@link Status#OK}). */
    public Status code() {
        return code;
    }

    /**
     * The findings of a failed import (what it recognised, what it could not place), or the
     * errors for which a writer refused the plan (every one, also those its message leaves
     * out); else empty.
     */
    public List<Finding> report() {
        return report;
    }
}

package dev.hallpass.data.control;

import dev.hallpass.problem.ProblemException;

/**
 * 412: the document is not the version the request was made against (another device changed it), or 428:
 * a replacement without {@code If-Match} of a document that exists, which would overwrite unseen changes.
 */
public final class PreconditionFailed extends ProblemException {

    private PreconditionFailed(int status, String key, Object... arguments) {
        super(status, key, arguments);
    }

    public static PreconditionFailed changed(String currentEtag) {
        return currentEtag == null ? new PreconditionFailed(412, "data.gone") : new PreconditionFailed(412, "data.changed", currentEtag);
    }

    public static PreconditionFailed required(String currentEtag) {
        return new PreconditionFailed(428, "data.precondition-required", currentEtag);
    }
}

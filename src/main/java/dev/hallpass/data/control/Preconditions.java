package dev.hallpass.data.control;

import dev.hallpass.problem.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code If-Match} / {@code If-None-Match} against a document's version (RFC 9110 §13.1): strong entity
 * tags {@code "7"}, a list of them, or {@code *}. A weak tag never matches (comparison is strong).
 */
public record Preconditions(String ifMatch, String ifNoneMatch) {

    /** A malformed header is refused (400) before anything is read or compared. */
    public Preconditions {
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            tags(ifMatch, "If-Match");
        }
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && !ifNoneMatch.strip().equals("*")) {
            tags(ifNoneMatch, "If-None-Match");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public boolean hasIfMatch() {
        return ifMatch != null && !ifMatch.isBlank();
    }

    /**
     * Checks the preconditions against the current document (absent or deleted: none). 412 when one
     * fails; when {@code replacing} and the document exists without any precondition, 428.
     */
    public void check(Optional<DataDocument> current, boolean replacing) {
        Optional<DataDocument> live = current.filter(document -> !document.deleted());
        String etag = live.map(DataDocument::etag).orElse(null);
        if (hasIfMatch() && (live.isEmpty() || !matches(ifMatch, live.get().version(), "If-Match"))) {
            throw PreconditionFailed.changed(etag);
        }
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && live.isPresent()
                && (ifNoneMatch.strip().equals("*") || matches(ifNoneMatch, live.get().version(), "If-None-Match"))) {
            throw PreconditionFailed.changed(etag);
        }
        if (replacing && live.isPresent() && !hasIfMatch() && (ifNoneMatch == null || ifNoneMatch.isBlank())) {
            throw PreconditionFailed.required(etag);
        }
    }

    private static boolean matches(String header, long version, String field) {
        if (header.strip().equals("*")) {
            return true;
        }
        return tags(header, field).contains(etag(version));
    }

    private static List<String> tags(String header, String field) {
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (!(tag.startsWith("W/\"") || tag.startsWith("\"")) || !tag.endsWith("\"") || tag.length() < 2) {
                throw new InvalidInput(field, "entity-tags");
            }
            tags.add(tag);
        }
        return tags;
    }
}

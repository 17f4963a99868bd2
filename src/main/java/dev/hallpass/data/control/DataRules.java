package dev.hallpass.data.control;

import dev.hallpass.problem.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * What a document may be: a name of 1–64 letters, digits, {@code . _ -} (starting with a letter or digit),
 * a body that is one JSON value of at most {@code maxBytes} UTF-8 bytes, at most {@code maxDocuments} live
 * documents per session or user. JSON Merge Patch (RFC 7396) for {@code PATCH}.
 */
public record DataRules(int maxBytes, int maxDocuments) {

    /** The column's size (characters, so bytes is the stricter bound). */
    public static final int MAX_BYTES = 1_048_576;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public DataRules {
        if (maxBytes < 2 || maxBytes > MAX_BYTES || maxDocuments < 1) {
            throw new IllegalArgumentException("hallpass.data.max-bytes must be 2.." + MAX_BYTES
                    + " and hallpass.data.max-documents at least 1");
        }
    }

    public String name(String raw) {
        if (raw == null || !NAME.matcher(raw).matches()) {
            throw new InvalidInput("name", "data-name");
        }
        return raw;
    }

    /** The body as a JSON value in its compact form, or 400 (not JSON) / 413 (too large). */
    public JsonValue document(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "json-value");
        }
        checkSize(body);
        JsonValue value = parse(body, "body");
        checkSize(value.toString());
        return value;
    }

    /** {@code target} with the merge patch in {@code body} applied (a missing document patches {@code {}}). */
    public JsonValue merge(JsonValue target, String body) {
        JsonValue patch = document(body);
        JsonMergePatch merge = Json.createMergePatch(patch);
        JsonValue merged = merge.apply(target == null ? JsonValue.EMPTY_JSON_OBJECT : target);
        checkSize(merged.toString());
        return merged;
    }

    /** Exactly one JSON value: anything after it (a second value, garbage) is refused, which a JsonReader would ignore. */
    public static JsonValue parse(String json, String field) {
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            if (!parser.hasNext()) {
                throw new InvalidInput(field, "json-invalid");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new InvalidInput(field, "json-invalid");
            }
            return value;
        } catch (JsonException | IllegalStateException | NoSuchElementException notJson) {
            throw new InvalidInput(field, "json-invalid");
        }
    }

    private void checkSize(String json) {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new DocumentTooLarge(bytes, maxBytes);
        }
    }
}

package dev.hallpass.problem;

/** Checks shared by the request records that parse JSON bodies into commands. */
public final class Fields {

    private Fields() {
    }

    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new InvalidInput("body", "json-object-required");
        }
        return body;
    }

    public static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "required");
        }
        if (value.length() > maxLength) {
            throw new InvalidInput(field, "at-most-characters", maxLength);
        }
        return value;
    }
}

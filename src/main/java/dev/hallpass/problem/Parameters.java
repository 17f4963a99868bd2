package dev.hallpass.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses query parameters (and form fields) into values, or throws {@link InvalidInput} naming the field. */
public final class Parameters {

    private static final Pattern IP_PREFIX = Pattern.compile("[0-9A-Fa-f:.]{1,45}");

    private Parameters() {
    }

    /** The value unless it is missing or blank. */
    public static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** One of the enum's constants, named in any case with '-' or '_'. */
    public static <E extends Enum<E>> Optional<E> choice(String value, String field, Class<E> type) {
        return present(value).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(field, "one-of", Arrays.toString(type.getEnumConstants())
                        .toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        });
    }

    public static Optional<String> ipPrefix(String value, String field) {
        return present(value).map(v -> {
            if (!IP_PREFIX.matcher(v).matches()) {
                throw new InvalidInput(field, "ip-prefix");
            }
            return v;
        });
    }

    public static Optional<Instant> instant(String value, String field) {
        return present(value).map(v -> {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidInput(field, "instant");
            }
        });
    }

    public static int number(String value, String field, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new InvalidInput(field, "whole-number", min, max);
    }

    /** {@code true} or {@code false}; anything else is refused (a typo must not mean "no"). */
    public static boolean flag(String value, String field) {
        return switch (value == null ? "" : value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInput(field, "true-or-false");
        };
    }

    public static Optional<String> text(String value, String field, int maxLength) {
        return present(value).map(v -> Fields.requireText(v, field, maxLength));
    }
}

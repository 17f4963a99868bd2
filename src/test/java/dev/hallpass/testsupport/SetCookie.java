package dev.hallpass.testsupport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One parsed Set-Cookie header; attribute names are lower-cased, flags map to "". */
public record SetCookie(String name, String value, Map<String, String> attributes, String raw) {

    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String[] pair = parts[0].split("=", 2);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].strip().split("=", 2);
            attributes.put(attribute[0].toLowerCase(Locale.ROOT), attribute.length == 2 ? attribute[1] : "");
        }
        return new SetCookie(pair[0].strip(), pair.length == 2 ? pair[1].strip() : "", attributes, header);
    }

    public boolean has(String flag) {
        return attributes.containsKey(flag.toLowerCase(Locale.ROOT));
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
    }
}

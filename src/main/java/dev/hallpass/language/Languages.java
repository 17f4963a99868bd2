package dev.hallpass.language;

import java.util.List;
import java.util.Locale;

/**
 * The languages Hallpass speaks, English (the default) and Simplified Chinese, and which of them a
 * request's {@code Accept-Language} chooses: the first language range by weight (q) that names one of
 * them. Any Chinese counts as Simplified Chinese, the only Chinese there is; a header naming neither, or
 * none, gets English.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private Languages() {
    }

    public static Locale choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String language = range.getRange().split("-", 2)[0];
            if ("zh".equals(language)) {
                return SIMPLIFIED_CHINESE;
            }
            if ("en".equals(language) || "*".equals(language)) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}

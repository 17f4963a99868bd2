package dev.hallpass.language;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One resource bundle's sentences in a language: {@code MessageFormat} patterns with {@code {0}}
 * placeholders (an apostrophe is written {@code ''}). Numbers are put in as plain digits, the same in
 * every language. The base bundle is English; the server's own default locale never stands in for a
 * missing language (a server running in Chinese still answers an English reader in English).
 */
public final class Texts {

    private static final Logger LOG = Logger.getLogger(Texts.class.getName());
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;

    /** {@code baseName} as for {@link ResourceBundle}: {@code dev.hallpass.problem.problems}. */
    public Texts(String baseName) {
        this.baseName = baseName;
    }

    public ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader(), NO_FALLBACK);
    }

    /** The sentence under {@code key} with its arguments; the key itself if the bundle lacks it (a bug, logged). */
    public String get(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException missing) {
            LOG.log(Level.WARNING, "No text {0} in {1}", new Object[] {key, baseName});
            return key;
        }
        return format(pattern, locale, arguments);
    }

    /** The sentence under {@code key} with its arguments, if the bundle has one. */
    public Optional<String> find(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = bundle(locale);
        return bundle.containsKey(key) ? Optional.of(format(bundle.getString(key), locale, arguments)) : Optional.empty();
    }

    public static String format(String pattern, Locale locale, Object... arguments) {
        Object[] plain = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            plain[i] = arguments[i] instanceof Number || arguments[i] == null ? String.valueOf(arguments[i]) : arguments[i];
        }
        return new MessageFormat(pattern, locale).format(plain);
    }
}

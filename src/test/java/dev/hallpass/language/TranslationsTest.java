package dev.hallpass.language;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bundle is complete in both languages: the Simplified Chinese file has exactly the English keys,
 * each sentence with the same placeholders, each a pattern MessageFormat reads as meant, and the server's
 * own default locale never stands in for English.
 */
class TranslationsTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    /** Words a Chinese page shows as they are. */
    static final Set<String> SAME_IN_BOTH = Set.of("Hallpass", "IP", "Webhook");

    static Properties load(String resource) {
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> placeholders(String sentence) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(sentence);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/hallpass/problem/problems", "/dev/hallpass/session/push/notices",
        "/dev/hallpass/web/pages", "/dev/hallpass/web/browser"})
    void theChineseBundleHasExactlyTheEnglishKeysAndPlaceholders(String bundle) {
        Properties english = load(bundle + ".properties");
        Properties chinese = load(bundle + "_zh.properties");
        assertFalse(english.isEmpty(), bundle);
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()), bundle);
        assertAll(english.stringPropertyNames().stream().map(key -> () -> {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            assertEquals(placeholders(en), placeholders(zh), bundle + " " + key);
            boolean onlyValues = en.replaceAll(PLACEHOLDER.pattern(), "").isBlank();
            assertTrue(onlyValues || !zh.equals(en) || SAME_IN_BOTH.contains(en), () -> bundle + " " + key + " is not translated: " + zh);
        }));
    }

    /** These are always formatted: an apostrophe must be doubled, or MessageFormat swallows it and what follows. */
    @ParameterizedTest
    @ValueSource(strings = {"/dev/hallpass/problem/problems", "/dev/hallpass/session/push/notices"})
    void messageFormatPatternsReadAsMeant(String bundle) {
        for (String language : new String[] {"", "_zh"}) {
            Properties sentences = load(bundle + language + ".properties");
            assertAll(sentences.stringPropertyNames().stream().map(key -> () -> {
                String pattern = sentences.getProperty(key);
                assertFalse(pattern.replace("''", "").contains("'"), () -> key + " has a single apostrophe: " + pattern);
                Object[] arguments = {"«0»", "«1»", "«2»", "«3»"};
                String formatted = new MessageFormat(pattern, Locale.ROOT).format(arguments);
                assertFalse(formatted.contains("{"), () -> key + " left a placeholder: " + formatted);
            }));
        }
    }

    /** Some page sentences are read raw (#{text[...]}) and some through MessageFormat: no ASCII apostrophe in either. */
    @Test
    void pageSentencesHaveNoAsciiApostrophe() {
        for (String language : new String[] {"", "_zh"}) {
            Properties sentences = load("/dev/hallpass/web/pages" + language + ".properties");
            sentences.forEach((key, sentence) -> assertFalse(sentence.toString().contains("'"), () -> key + ": " + sentence));
        }
    }

    @Test
    void englishIsEnglishOnAServerWhoseDefaultLocaleIsChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("Login failed", new Texts("dev.hallpass.problem.problems").get(Locale.ENGLISH, "login-rejected.title"));
            assertEquals("登录失败", new Texts("dev.hallpass.problem.problems").get(Locale.SIMPLIFIED_CHINESE, "login-rejected.title"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void numbersArePutInAsPlainDigitsAndAMissingKeyShowsItself() {
        Texts texts = new Texts("dev.hallpass.problem.problems");
        assertEquals("The request body is larger than 1048576 bytes", texts.get(Locale.ENGLISH, "body-too-large.detail", 1_048_576L));
        assertEquals("An account named 'alice' already exists", texts.get(Locale.ENGLISH, "account-exists.detail", "alice"));
        assertEquals("no.such.key", texts.get(Locale.ENGLISH, "no.such.key"));
    }
}

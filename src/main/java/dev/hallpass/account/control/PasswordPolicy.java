package dev.hallpass.account.control;

import dev.hallpass.problem.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a new password must be (NIST SP 800-63B: length over composition rules, and no password
 * that is known to be guessed first): long enough, not the user name or built around it, not one
 * character repeated, and not on the list of the most common passwords of that length
 * ({@code common-passwords.txt}, compared ignoring case and spaces).
 */
@ApplicationScoped
public class PasswordPolicy {

    static final int MAX_LENGTH = 1024;
    private static final Set<String> COMMON = loadCommon();

    private int minLength;

    protected PasswordPolicy() {
        // for CDI proxies
    }

    @Inject
    public PasswordPolicy(@ConfigProperty(name = "hallpass.password.min-length", defaultValue = "12") int minLength) {
        this.minLength = minLength;
    }

    public String check(String password) {
        return check(password, null);
    }

    /** {@code username}: whose password it will be (null if unknown yet). */
    public String check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new InvalidInput("password", "password-too-short", minLength);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInput("password", "at-most-characters", MAX_LENGTH);
        }
        String folded = fold(password);
        if (username != null && username.strip().length() >= 4 && folded.contains(fold(username))) {
            throw new InvalidInput("password", "password-contains-username");
        }
        if (folded.codePoints().distinct().count() <= 2 || COMMON.contains(folded)) {
            throw new InvalidInput("password", "password-common");
        }
        return password;
    }

    private static String fold(String text) {
        return text.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> loadCommon() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(PasswordPolicy::fold)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

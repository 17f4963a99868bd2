package dev.hallpass.account.control;

import dev.hallpass.problem.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What a new password must be: long enough (NIST SP 800-63B favours length over composition). */
@ApplicationScoped
public class PasswordPolicy {

    static final int MAX_LENGTH = 1024;

    private int minLength;

    protected PasswordPolicy() {
        // for CDI proxies
    }

    @Inject
    public PasswordPolicy(@ConfigProperty(name = "hallpass.password.min-length", defaultValue = "12") int minLength) {
        this.minLength = minLength;
    }

    public String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new InvalidInput("password", "must be at least " + minLength + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInput("password", "must be at most " + MAX_LENGTH + " characters");
        }
        return password;
    }
}

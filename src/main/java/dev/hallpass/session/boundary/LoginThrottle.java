package dev.hallpass.session.boundary;

import dev.hallpass.infrastructure.cache.RateLimits;
import dev.hallpass.infrastructure.cache.RateLimits.Limit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login throttling per account and per client IP, shared by every node (Redis) or per node without
 * it. Each attempt takes a token before the password is checked, so parallel guesses cannot slip past
 * the limit; {@code attempts} guesses may come at once, after that one more per {@code period / attempts}.
 * A successful login fills the account's bucket again and gives the IP its token back.
 * An unknown user name is throttled exactly like a real one, so the answer tells nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    RateLimits rateLimits;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.account.attempts", defaultValue = "5")
    int accountAttempts;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.account.period", defaultValue = "PT15M")
    Duration accountPeriod;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.ip.attempts", defaultValue = "20")
    int ipAttempts;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.ip.period", defaultValue = "PT15M")
    Duration ipPeriod;

    private Optional<Limit> perAccount;
    private Optional<Limit> perIp;

    @PostConstruct
    void readSettings() {
        perAccount = limit("login-account", accountAttempts, accountPeriod);
        perIp = limit("login-ip", ipAttempts, ipPeriod);
    }

    /** 0 attempts switches a limit off. */
    private static Optional<Limit> limit(String name, int attempts, Duration period) {
        if (attempts < 0) {
            throw new IllegalArgumentException("hallpass.login.throttle attempts must be 0 (off) or positive");
        }
        return attempts == 0 ? Optional.empty() : Optional.of(new Limit(name, attempts, period));
    }

    /** Takes this attempt's tokens, or throws {@link TooManyLoginAttempts} (taking none). */
    public void attempt(String account, String ipAddress) {
        if (perIp.isPresent()) {
            Duration wait = rateLimits.tryTake(perIp.get(), ipAddress);
            if (!wait.isZero()) {
                throw new TooManyLoginAttempts(wait);
            }
        }
        if (perAccount.isPresent()) {
            Duration wait = rateLimits.tryTake(perAccount.get(), account);
            if (!wait.isZero()) {
                perIp.ifPresent(limit -> rateLimits.giveBack(limit, ipAddress));
                throw new TooManyLoginAttempts(wait);
            }
        }
    }

    /** The password was right: the account starts afresh and the IP's attempt does not count. */
    public void succeeded(String account, String ipAddress) {
        perAccount.ifPresent(limit -> rateLimits.reset(limit, account));
        perIp.ifPresent(limit -> rateLimits.giveBack(limit, ipAddress));
    }
}

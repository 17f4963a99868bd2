package dev.hallpass.session.login;

import dev.hallpass.client.IpAddresses;
import dev.hallpass.client.RateLimiter.Limit;
import dev.hallpass.client.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login throttling, shared by every node (Redis) or per node without it. Each attempt takes a token
 * from three buckets before the password is checked, so parallel guesses cannot slip past the limit;
 * {@code attempts} guesses may come at once, after that one more per {@code period / attempts}:
 * <ul>
 * <li>the account <em>from this client</em> (IPv4 address, IPv6 /64): guesses from one place stop
 * quickly, and an attacker elsewhere cannot lock the owner out by failing on purpose;</li>
 * <li>the account from everywhere ({@code account-total}): a slower backstop against guessing spread
 * over many addresses;</li>
 * <li>the client across all accounts ({@code ip}): one place trying many accounts.</li>
 * </ul>
 * A successful login fills the account-from-this-client bucket again and gives the other two their
 * token back. An unknown user name is throttled exactly like a real one, so the answer tells nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    RateLimiter rateLimits;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.account.attempts", defaultValue = "5")
    int accountAttempts;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.account.period", defaultValue = "PT15M")
    Duration accountPeriod;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.account-total.attempts", defaultValue = "100")
    int accountTotalAttempts;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.account-total.period", defaultValue = "PT1H")
    Duration accountTotalPeriod;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.ip.attempts", defaultValue = "20")
    int ipAttempts;

    @Inject
    @ConfigProperty(name = "hallpass.login.throttle.ip.period", defaultValue = "PT15M")
    Duration ipPeriod;

    private Optional<Limit> perAccount;
    private Optional<Limit> perAccountTotal;
    private Optional<Limit> perIp;

    @PostConstruct
    void readSettings() {
        perAccount = limit("login-account-client", accountAttempts, accountPeriod);
        perAccountTotal = limit("login-account", accountTotalAttempts, accountTotalPeriod);
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
        String client = IpAddresses.clientKey(ipAddress);
        List<Taken> taken = new ArrayList<>(3);
        try {
            take(perIp, client, taken);
            take(perAccount, account + "|" + client, taken);
            take(perAccountTotal, account, taken);
        } catch (TooManyLoginAttempts throttled) {
            taken.forEach(token -> rateLimits.giveBack(token.limit(), token.key()));
            throw throttled;
        }
    }

    /** The password was right: the account starts afresh from this client, and the attempt does not count elsewhere. */
    public void succeeded(String account, String ipAddress) {
        String client = IpAddresses.clientKey(ipAddress);
        perAccount.ifPresent(limit -> rateLimits.reset(limit, account + "|" + client));
        perAccountTotal.ifPresent(limit -> rateLimits.giveBack(limit, account));
        perIp.ifPresent(limit -> rateLimits.giveBack(limit, client));
    }

    private record Taken(Limit limit, String key) {
    }

    private void take(Optional<Limit> limit, String key, List<Taken> taken) {
        if (limit.isPresent()) {
            Duration wait = rateLimits.tryTake(limit.get(), key);
            if (!wait.isZero()) {
                throw new TooManyLoginAttempts(wait);
            }
            taken.add(new Taken(limit.get(), key));
        }
    }
}

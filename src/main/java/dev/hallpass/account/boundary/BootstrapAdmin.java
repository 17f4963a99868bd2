package dev.hallpass.account.boundary;

import dev.hallpass.account.control.AccountRepository;
import dev.hallpass.account.control.DuplicateUsername;
import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure an administrator exists on first start. Without a configured password it generates
 * one and prints it once: the only way into a fresh installation that was given no secret.
 */
@ApplicationScoped
public class BootstrapAdmin {

    /** Runs after the schema migration (priority 100). */
    static final int AFTER_SCHEMA = 200;
    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService service;

    @Inject
    @ConfigProperty(name = "hallpass.bootstrap.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "hallpass.bootstrap.admin.password")
    Optional<String> password;

    void onStart(@Observes @Priority(AFTER_SCHEMA) Startup startup) {
        String name = Usernames.parse(username);
        if (accounts.findByUsername(name).isPresent()) {
            return;
        }
        String secret = password.filter(p -> !p.isBlank()).orElseGet(BootstrapAdmin::generatePassword);
        try {
            service.create(new NewAccount(name, secret, Set.of(Roles.ADMIN, Roles.USER)));
        } catch (DuplicateUsername anotherNodeWasFaster) {
            return;
        }
        if (password.filter(p -> !p.isBlank()).isPresent()) {
            LOG.info(() -> "Created bootstrap admin '" + name + "' with the configured password");
        } else {
            LOG.warning(() -> "Created bootstrap admin '" + name + "' with generated password: " + secret
                    + "  (shown once; set hallpass.bootstrap.admin.password to choose one)");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

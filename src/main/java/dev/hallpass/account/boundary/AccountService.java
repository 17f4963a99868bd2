package dev.hallpass.account.boundary;

import dev.hallpass.account.control.AccountRepository;
import dev.hallpass.account.control.InTransaction;
import dev.hallpass.account.control.PasswordHasher;
import dev.hallpass.account.control.PasswordPolicy;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.account.entity.Account;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.problem.InvalidInput;
import dev.hallpass.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creating accounts and checking passwords. */
@ApplicationScoped
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    Clock clock;

    @Inject
    Event<AccountChanged> changes;

    @Inject
    InTransaction inTransaction;

    /**
     * The caller if the password is right and the account enabled. An unknown user costs the same
     * hash computation as a wrong password, so timing does not tell which usernames exist.
     */
    public Optional<Caller> authenticate(Credentials credentials) {
        Optional<Account> found = accounts.findByUsername(Usernames.canonical(credentials.username()));
        if (found.isEmpty()) {
            hasher.verifyNothing(credentials.password());
            return Optional.empty();
        }
        Account account = found.get();
        if (!hasher.verify(credentials.password(), account.passwordHash()) || !account.isEnabled()) {
            return Optional.empty();
        }
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.replacePasswordHash(account.id(), hasher.hash(credentials.password()));
        }
        return Optional.of(new Caller(account.username(), account.roles(), account.generation()));
    }

    public AccountView create(NewAccount request) {
        passwordPolicy.check(request.password(), request.username());
        String hash = hasher.hash(request.password()); // outside the transaction: no connection waits on PBKDF2
        return inTransaction.call(() -> AccountView.of(accounts.add(
                new Account(request.username(), hash, request.roles(), clock.instant()))));
    }

    /**
     * Disables or enables the account; disabling ends all its sessions and tokens on every node. Every
     * change below locks the account row first and ends the sessions in the same transaction, so a login
     * racing it either stored its session before (and it is ended here) or fails; the ends are announced
     * to the caches only once the change has committed.
     */
    @Transactional
    public AccountView setEnabled(String username, boolean enabled, String byAdmin, ClientInfo client) {
        Account account = lockedForChange(username);
        account.setEnabled(enabled);
        if (!enabled) {
            account.revokeSessions();
            changes.fire(new AccountChanged(account.username(), AccountChanged.Change.DISABLED, client,
                    "disabled by administrator " + byAdmin));
        }
        return AccountView.of(account);
    }

    /**
     * Erases the account: every session and token ends on every node (as for a disable), what the features
     * keep for the user is erased by their observers of {@link AccountChanged.Change#ERASED} in this
     * transaction (shared data), then the account row goes. The security events stay (the audit trail).
     */
    @Transactional
    public void erase(String username, String byAdmin, ClientInfo client) {
        Account account = lockedForChange(username);
        account.revokeSessions();
        changes.fire(new AccountChanged(account.username(), AccountChanged.Change.ERASED, client,
                "erased by administrator " + byAdmin));
        accounts.remove(account);
    }

    /** An administrator sets a new password (policy checked); every session and token made with the old one ends. */
    public void resetPassword(String username, String newPassword, String byAdmin, ClientInfo client) {
        passwordPolicy.check(newPassword, username);
        String newHash = hasher.hash(newPassword); // before the transaction and the lock: logins of the account wait for neither
        inTransaction.call(() -> {
            Account account = lockedForChange(username);
            account.replacePasswordHash(newHash);
            account.revokeSessions();
            changes.fire(new AccountChanged(account.username(), AccountChanged.Change.PASSWORD_CHANGED, client,
                    "reset by administrator " + byAdmin));
            return null;
        });
    }

    /**
     * The user changes their own password. {@code proven} is the caller as the password check just
     * returned it (that check is the login's, throttled and recorded: see {@code LoginService}); if the
     * account changed since (another password change, a disable, new roles), nothing is changed.
     * Every session and token ends; the caller then gets a new session. Returns the caller.
     */
    public Caller changeOwnPassword(Caller proven, String newPassword, ClientInfo client) {
        passwordPolicy.check(newPassword, proven.username());
        String newHash = hasher.hash(newPassword);
        return inTransaction.call(() -> {
            Account account = lockedForChange(proven.username());
            if (account.generation() != proven.generation() || !account.isEnabled()) {
                throw new InvalidInput("currentPassword", "not-current-password");
            }
            account.replacePasswordHash(newHash);
            account.revokeSessions();
            changes.fire(new AccountChanged(account.username(), AccountChanged.Change.PASSWORD_CHANGED, client,
                    "changed by the user"));
            return new Caller(account.username(), account.roles(), account.generation());
        });
    }

    /**
     * Replaces the account's roles. Any change of privilege ends every session and token of the
     * account: none may go on with roles it was not started with, and the next login gets a new secret.
     */
    @Transactional
    public AccountView setRoles(String username, Set<String> roles, String byAdmin, ClientInfo client) {
        Account account = lockedForChange(username);
        Set<String> before = account.roles();
        if (!before.equals(roles)) {
            account.replaceRoles(roles);
            account.revokeSessions();
            changes.fire(new AccountChanged(account.username(), AccountChanged.Change.ROLES_CHANGED, client,
                    "roles " + before + " -> " + roles + " by administrator " + byAdmin));
        }
        return AccountView.of(account);
    }

    private Account lockedForChange(String username) {
        return accounts.findForChange(Usernames.canonical(username))
                .orElseThrow(() -> new NotFound("not-found.account", username));
    }

    public Optional<AccountView> find(String username) {
        return accounts.findByUsername(Usernames.canonical(username)).map(AccountView::of);
    }

    /** Accounts whose name starts with {@code prefix} (blank: all), by name; one page. */
    public List<AccountView> search(String prefix, int offset, int limit) {
        return accounts.search(Usernames.canonical(prefix), offset, limit).stream()
                .map(AccountView::of).toList();
    }

    public long count(String prefix) {
        return accounts.count(Usernames.canonical(prefix));
    }
}

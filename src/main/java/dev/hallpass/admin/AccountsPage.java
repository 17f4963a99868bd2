package dev.hallpass.admin;

import dev.hallpass.account.boundary.AccountService;
import dev.hallpass.account.boundary.AccountView;
import dev.hallpass.account.boundary.NewAccountRequest;
import dev.hallpass.account.control.Roles;
import dev.hallpass.client.ClientAddress;
import dev.hallpass.problem.Parameters;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.presence.Presence;
import dev.hallpass.web.FacesFeedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Accounts: search by name, create, disable or enable, reset a password, change roles. Disabling,
 * a reset and a change of roles each end every session of the account (the services see to it).
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    @Inject
    CurrentSession current;

    @Inject
    ClientAddress clients;

    @Inject
    Presence presence;

    private String query;
    private String prefix = "";
    private String username;
    private String password;
    private String roles = Roles.USER;
    private AccountView selected;
    private final PresenceColumn online = new PresenceColumn();
    private final PagedTable<AccountView> table = new PagedTable<>(this::count, this::page, AccountView::username);

    public PresenceColumn getOnline() {
        return online;
    }

    public void search() {
        FacesFeedback.attempt(() -> prefix = Parameters.text(query, "search", 64).orElse(""));
    }

    private long count() {
        return accounts.count(prefix);
    }

    private List<AccountView> page(int offset, int limit, String sortField, boolean ascending) {
        List<AccountView> rows = accounts.search(prefix, offset, Math.min(limit, 500));
        online.load(presence, rows.stream().map(AccountView::username).toList());
        return rows;
    }

    public void create() {
        if (FacesFeedback.attempt(() -> accounts.create(new NewAccountRequest(username, password, roleList()).toCommand()))) {
            FacesFeedback.info("accounts.created", username);
            username = null;
            roles = Roles.USER;
        }
        password = null;
    }

    public void select(AccountView account) {
        selected = account;
        password = null;
        roles = String.join(" ", account.roles());
    }

    public void setEnabled(AccountView account, boolean enabled) {
        FacesFeedback.attempt(() -> {
            accounts.setEnabled(account.username(), enabled, current.requireUsername(), clients.current());
            FacesFeedback.info(enabled ? "accounts.enabled" : "accounts.disabled", account.username());
        });
    }

    public void resetPassword() {
        FacesFeedback.attempt(() -> {
            accounts.resetPassword(selected.username(), password, current.requireUsername(), clients.current());
            FacesFeedback.info("accounts.password-reset", selected.username());
        });
        password = null;
    }

    public void changeRoles() {
        FacesFeedback.attempt(() -> {
            accounts.setRoles(selected.username(), Roles.parse(roleList()), current.requireUsername(), clients.current());
            FacesFeedback.info("accounts.roles-changed", selected.username());
        });
    }

    /** Roles as typed: separated by spaces or commas. */
    private List<String> roleList() {
        return Arrays.stream(Parameters.present(roles).orElse("").split("[\\s,]+")).filter(r -> !r.isEmpty()).toList();
    }

    public PagedTable<AccountView> getTable() { return table; }
    public AccountView getSelected() { return selected; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRoles() { return roles; }
    public void setRoles(String roles) { this.roles = roles; }
}

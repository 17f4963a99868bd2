package dev.hallpass.account.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A person or service that can log in. The password is kept only as a salted, slow hash. */
@Entity
@Table(name = "hp_account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "hp_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false, length = 32)
    private Set<String> roles = new LinkedHashSet<>();

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Bumped by every change that must end the account's sessions; a login started before it fails. */
    @Column(nullable = false)
    private long generation;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    public Account(String username, String passwordHash, Set<String> roles, Instant createdAt) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.roles = new LinkedHashSet<>(Objects.requireNonNull(roles, "roles"));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.enabled = true;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void replaceRoles(Set<String> newRoles) {
        this.roles.clear();
        this.roles.addAll(Objects.requireNonNull(newRoles, "newRoles"));
    }

    public void replacePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    }

    /** The account changed in a way that ends its sessions: a login that read the old generation fails. */
    public void revokeSessions() {
        generation++;
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }
    public Set<String> roles() { return Set.copyOf(roles); }
    public boolean isEnabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
    public long generation() { return generation; }
}

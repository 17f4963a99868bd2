package dev.hallpass.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Something security-relevant that happened to a user or session: who, what, when, from where. */
@Entity
@Table(name = "hp_security_event")
public class SecurityEvent {

    /** What happened; the console and the API filter by it. */
    public enum Type {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        /** A login attempt refused by throttling, before the password was checked. */
        LOGIN_THROTTLED,
        /** A login refused because the account or the address already holds the most sessions allowed. */
        LOGIN_REJECTED_BY_LIMIT,
        LOGOUT,
        LOGOUT_ALL,
        IDLE_TIMEOUT,
        ABSOLUTE_TIMEOUT,
        /** A session ended to make room for a new login under the per-user or per-IP limit. */
        SESSION_EVICTED,
        /** An administrator, or the user from another device, ended a session. */
        SESSION_KILLED,
        IP_CHANGED,
        USER_AGENT_CHANGED,
        /** A session cookie that a later login in the same browser replaced was presented again. */
        FIXATION_ATTEMPT,
        REFRESH_TOKEN_REUSE,
        ACCOUNT_DISABLED,
        PASSWORD_CHANGED,
        ROLES_CHANGED,
        /** Anomaly: a login from a network (IPv4 /24, IPv6 /48) this user never logged in from. */
        NEW_NETWORK,
        /** Anomaly: more refreshes of one token family in a short time than a client needs. */
        REFRESH_STORM,
        /** A session cookie's secret, replaced by rotation, was used again after the overlap: taken to be stolen. */
        SESSION_SECRET_REUSE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Type type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 64)
    private String username;

    @Column(name = "session_handle", length = 32)
    private String sessionHandle;

    @Column(name = "ip_address", length = 45)
    private String ipAddress;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    @Column(length = 1000)
    private String detail;

    protected SecurityEvent() {
        // for JPA
    }

    public SecurityEvent(Type type, Instant occurredAt, String username, String sessionHandle, String ipAddress,
                         String userAgent, String detail) {
        this.type = Objects.requireNonNull(type, "type");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.username = username;
        this.sessionHandle = sessionHandle;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Type type() { return type; }
    public Instant occurredAt() { return occurredAt; }
    public String username() { return username; }
    public String sessionHandle() { return sessionHandle; }
    public String ipAddress() { return ipAddress; }
    public String userAgent() { return userAgent; }
    public String detail() { return detail; }
}

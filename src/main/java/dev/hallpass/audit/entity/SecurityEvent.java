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

    public enum Type { REFRESH_TOKEN_REUSE }

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
        this.detail = detail;
    }

    public Type type() { return type; }
    public Instant occurredAt() { return occurredAt; }
    public String username() { return username; }
    public String sessionHandle() { return sessionHandle; }
    public String detail() { return detail; }
}

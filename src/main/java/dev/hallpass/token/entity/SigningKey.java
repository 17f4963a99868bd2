package dev.hallpass.token.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One key pair that signs access tokens. The public half is published in the JWKS until
 * {@code publishedUntil}; the private half is stored only encrypted with the configured key.
 */
@Entity
@Table(name = "hp_signing_key")
public class SigningKey {

    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    private String publicJwk;

    @Column(name = "private_jwk_encrypted", nullable = false, length = 8000)
    private String privateJwkEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "signs_until", nullable = false)
    private Instant signsUntil;

    @Column(name = "published_until", nullable = false)
    private Instant publishedUntil;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(String kid, String algorithm, String publicJwk, String privateJwkEncrypted, Instant createdAt,
                      Instant signsUntil, Instant publishedUntil) {
        this.kid = Objects.requireNonNull(kid, "kid");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicJwk = Objects.requireNonNull(publicJwk, "publicJwk");
        this.privateJwkEncrypted = Objects.requireNonNull(privateJwkEncrypted, "privateJwkEncrypted");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.signsUntil = Objects.requireNonNull(signsUntil, "signsUntil");
        this.publishedUntil = Objects.requireNonNull(publishedUntil, "publishedUntil");
        if (!publishedUntil.isAfter(signsUntil)) {
            throw new IllegalArgumentException("a key must stay published after it stops signing");
        }
    }

    public String kid() { return kid; }
    public String algorithm() { return algorithm; }
    public String publicJwk() { return publicJwk; }
    public String privateJwkEncrypted() { return privateJwkEncrypted; }
    public Instant createdAt() { return createdAt; }
    public Instant signsUntil() { return signsUntil; }
    public Instant publishedUntil() { return publishedUntil; }
}

-- Keys that sign access tokens. The private half is AES-GCM encrypted with a key from configuration.

CREATE TABLE hp_signing_key (
    kid                   VARCHAR(64)   PRIMARY KEY,
    algorithm             VARCHAR(16)   NOT NULL,
    public_jwk            VARCHAR(4000) NOT NULL,
    private_jwk_encrypted VARCHAR(8000) NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    signs_until           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    published_until       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_signing_key_published ON hp_signing_key (published_until);

-- Cleanup of ended and run-out sessions: indexes for its scans, and a lease so that one node at a
-- time does it.

CREATE INDEX ix_session_idle_expires ON hp_session (idle_expires_at);
CREATE INDEX ix_session_ended_at ON hp_session (ended_at);

CREATE TABLE hp_lease (
    name       VARCHAR(64)  PRIMARY KEY,
    holder     VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

INSERT INTO hp_lease (name, holder, expires_at) VALUES ('session-cleanup', 'nobody', TIMESTAMP '2000-01-01 00:00:00+00');

-- Periodic rotation of a session's cookie secret (issue 18): the secret it replaced keeps working for a short
-- overlap (requests in flight, other tabs), then its use is theft (SESSION_SECRET_REUSE) once the new one has
-- been used; until then it is a lost answer, and its bearer gets another new secret instead.
ALTER TABLE hp_session ADD COLUMN previous_secret_hash VARCHAR(64);
ALTER TABLE hp_session ADD COLUMN secret_rotated_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE hp_session ADD COLUMN new_secret_used BOOLEAN DEFAULT TRUE NOT NULL;
CREATE UNIQUE INDEX ix_session_previous_secret ON hp_session (previous_secret_hash);
CREATE INDEX ix_session_secret_rotated ON hp_session (secret_rotated_at);

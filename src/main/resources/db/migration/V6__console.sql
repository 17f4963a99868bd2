-- Admin console and "my devices" (issue 6).

-- The device (browser and OS, parsed from the user agent at login) is stored so that the console can
-- filter by it; the node is where the login happened.
ALTER TABLE hp_session ADD COLUMN device VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE hp_session ADD COLUMN node VARCHAR(64) DEFAULT '' NOT NULL;

-- The console's live-session table: the exact count of live sessions (status, idle expiry: idle expiry
-- never lies after absolute expiry) and its first page by "last seen" or "created" come from these
-- indexes without a sort of the whole table (the handle is the tie-breaker of the order, so it is in
-- the index too; without it PostgreSQL sorts a million rows for 25).
CREATE INDEX ix_session_status_idle_expires ON hp_session (status, idle_expires_at);
CREATE INDEX ix_session_status_last_seen ON hp_session (status, last_seen_at, handle);
CREATE INDEX ix_session_status_created ON hp_session (status, created_at, handle);

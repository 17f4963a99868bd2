-- Revocation that holds under partial failure and races (issue 14).

-- Bumped by every change that must end the account's sessions (disable, password reset or change, role
-- change). A login reads it before the password check and again, locked, when it inserts its session:
-- a change that committed in between makes the login fail instead of leaving a session of the old state.
ALTER TABLE hp_account ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;

-- Secrets the nodes share and generate themselves when none is configured (the key that seals Redis
-- entries and pub/sub messages). The first node to start inserts it; the others read it.
CREATE TABLE hp_cluster_secret (
    secret_name  VARCHAR(64)  PRIMARY KEY,
    secret_value VARCHAR(200) NOT NULL
);

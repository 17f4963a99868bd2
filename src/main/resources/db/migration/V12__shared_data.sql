-- Session data and per-user data (issue 18): JSON documents under a name, versioned for If-Match.
-- scope SESSION: owner is the session handle, deleted with the session's end; scope USER: owner is the
-- username, erased with the account. A deleted document keeps its row (deleted, no body) so its version
-- keeps counting and an old ETag never matches a later document of the same name.
CREATE TABLE hp_data (
    scope      VARCHAR(8)   NOT NULL,
    owner      VARCHAR(64)  NOT NULL,
    name       VARCHAR(64)  NOT NULL,
    username   VARCHAR(64)  NOT NULL,
    body       VARCHAR(1048576),
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(32),
    deleted    BOOLEAN      NOT NULL,
    PRIMARY KEY (scope, owner, name)
);
-- The nodes' catch-up on changes whose message was lost, and erasure with the account.
CREATE INDEX ix_data_updated ON hp_data (updated_at);
CREATE INDEX ix_data_username ON hp_data (username);

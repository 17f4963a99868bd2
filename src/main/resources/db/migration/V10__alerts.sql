-- Alerts the nodes fired (issue 18), listed on the console's Alerts page with how their webhook delivery went.
-- A node that fires an alert while the database is away keeps it and writes it once the database is back.
CREATE TABLE hp_alert (
    id         VARCHAR(36)  PRIMARY KEY,
    kind       VARCHAR(32)  NOT NULL,
    severity   VARCHAR(16)  NOT NULL,
    subject    VARCHAR(128),
    summary    VARCHAR(500) NOT NULL,
    node       VARCHAR(64)  NOT NULL,
    fired_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivery   VARCHAR(16)  NOT NULL,
    attempts   INT          NOT NULL,
    last_error VARCHAR(200)
);
CREATE INDEX ix_alert_fired ON hp_alert (fired_at);

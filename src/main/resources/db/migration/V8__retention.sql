-- Refresh successors are now wrapped with a key derived from the spent token (review M7): the ones
-- wrapped before with the key-encryption key are dropped (they served a 10-second grace window only).
UPDATE hp_refresh_token SET successor_encrypted = NULL WHERE successor_encrypted IS NOT NULL;

-- Retention deletes refresh tokens by expiry and known networks by last sighting.
CREATE INDEX ix_refresh_token_expiry ON hp_refresh_token (expires_at);
CREATE INDEX ix_known_network_seen ON hp_known_network (last_seen_at);

#!/usr/bin/env bash
# Fills a Hallpass PostgreSQL database (schema made by the application's Flyway migrations) with live
# sessions: bench/generate-sessions.sh DATABASE [COUNT=1000000] [USERS=100000].
# Session i belongs to user "user<i % USERS>", comes from 10.<a>.<b>.<c> with one of six real user agents
# (device label as the application computes it), was created up to 11 h ago and is live for 5-30 more
# minutes. Secrets are random and never kept: only the hash column is filled, as the application does.
set -euo pipefail
DATABASE=${1:?database name}
COUNT=${2:-1000000}
USERS=${3:-100000}
PG_ADMIN=${PG_ADMIN:-"-h 127.0.0.1 -U postgres"}

psql $PG_ADMIN -q -v ON_ERROR_STOP=1 "$DATABASE" <<SQL
WITH agents(n, agent, device) AS (VALUES
  (0, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131 on Windows'),
  (1, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128 on Windows'),
  (2, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari 17 on macOS'),
  (3, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari 17 on iOS 17'),
  (4, 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome 131 on Android 14'),
  (5, 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128 on Linux'))
INSERT INTO hp_session (handle, secret_hash, username, roles, created_at, last_seen_at, idle_expires_at,
                        absolute_expires_at, remember_me, ip_address, user_agent, device, node, status, version)
SELECT substr(md5('h' || i || random()), 1, 22),
       encode(sha256(convert_to(i || ':' || random(), 'UTF8')), 'hex'),
       'user' || (i % $USERS),
       'user',
       created, seen, seen + interval '30 minutes', created + interval '12 hours',
       i % 10 = 0,
       '10.' || (i / 65536 % 256) || '.' || (i / 256 % 256) || '.' || (i % 256),
       a.agent, a.device, 'node-' || (i % 3), 'ACTIVE', 0
FROM generate_series(1, $COUNT) AS i
CROSS JOIN LATERAL (SELECT now() - (random() * interval '11 hours') AS created) c
CROSS JOIN LATERAL (SELECT greatest(c.created, now() - (random() * interval '25 minutes')) AS seen) s
JOIN agents a ON a.n = i % 6;
VACUUM ANALYZE hp_session;
SQL
echo "$(psql $PG_ADMIN -tA -c "SELECT count(*) FROM hp_session" "$DATABASE") sessions in $DATABASE"

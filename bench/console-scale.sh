#!/usr/bin/env bash
# The console at scale: one node on PostgreSQL with COUNT (default one million) live sessions made by
# bench/generate-sessions.sh, then the admin console's first page and a filter by user, timed over HTTP
# (the full Faces render) RUNS times after a warm-up; checks that the count shown is the exact one.
# Run from the project root: bench/console-scale.sh   Needs psql, curl, python3.
set -euo pipefail
. bench/lib.sh
trap cleanup EXIT
require psql curl python3
COUNT=${COUNT:-1000000}
RUNS=${RUNS:-30}

build_war
pg_create
PORT=$(free_port)
node_start a "$PORT" "-Dhallpass.db.url=$DB_URL"
BASE="http://127.0.0.1:$PORT/hallpass"
START=$(date +%s)
bench/generate-sessions.sh "$DATABASE" "$COUNT"
echo "generated in $(( $(date +%s) - START )) s"
SECRET=$(login "$BASE" admin bench-operator-password)
COOKIE="Cookie: __Host-hallpass=$SECRET"

# time PATH: prints median and p95 of the response time in ms over RUNS requests (after 10 warm-up ones)
time_page() {
  for _ in $(seq 10); do curl -s -o /dev/null -H "$COOKIE" "$BASE/$1"; done
  for _ in $(seq "$RUNS"); do
    curl -s -o "$WORK/page.html" -w '%{http_code} %{time_total}\n' -H "$COOKIE" "$BASE/$1"
  done | python3 -c '
import sys
rows = [l.split() for l in sys.stdin]
bad = [r for r in rows if r[0] != "200"]
assert not bad, f"non-200 answers: {bad[:3]}"
t = sorted(float(r[1]) * 1000 for r in rows)
print(f"median {t[len(t)//2]:.0f} ms, p95 {t[int(len(t)*0.95)-1]:.0f} ms, max {t[-1]:.0f} ms over {len(t)}")'
}

shown() { grep -o '[0-9]* sessions' "$WORK/page.html" | head -1; }
live() { psql $PG_ADMIN -tA -c "SELECT count(*) FROM hp_session WHERE status = 'ACTIVE' AND idle_expires_at > now()" "$DATABASE"; }

echo "first page (live sessions, last seen first): $(time_page admin/sessions.xhtml)"
echo "  shown: $(shown); live in the database: $(live)"
echo "filter by user (user4242): $(time_page 'admin/sessions.xhtml?user=user4242')"
echo "  shown: $(shown)"
echo "filter by IP prefix (10.3.): $(time_page 'admin/sessions.xhtml?ip=10.3.')"
echo "  shown: $(shown)"
echo "dashboard: $(time_page admin/index.xhtml)"
echo "API first page (GET /api/admin/sessions?limit=25): $(time_page 'api/admin/sessions?limit=25')"

#!/usr/bin/env bash
# Password checks under load (security review M4): 64 parallel password changes with wrong current
# passwords on one session, against a running node, while timing readiness and a session check.
# Start the node as the README says (./mvnw -DskipTests package payara-micro:start), then:
#   bench/password-load.sh <admin password> [base URL, default http://127.0.0.1:8080]
# Loopback only; 64 requests in all.
set -euo pipefail
PASSWORD=${1:?usage: bench/password-load.sh <admin password> [base URL]}
BASE=${2:-http://127.0.0.1:8080}
case "$BASE" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "loopback only" >&2; exit 2 ;; esac
CODES=$(mktemp)
trap 'rm -f "$CODES"' EXIT
S=$(curl -s -D - -o /dev/null -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | sed -n 's/^[Ss]et-[Cc]ookie: __Host-hallpass=\([^;]*\).*/\1/p')
[ -n "$S" ] || { echo "login failed" >&2; exit 1; }
timing() { curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "$@"; }
echo "idle:       ready $(timing "$BASE/health/ready"), session check $(timing "$BASE/api/auth/me" -H "Cookie: __Host-hallpass=$S")"
start=$(date +%s.%N)
seq 64 | xargs -P64 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X PUT "$BASE/api/auth/password" \
  -H "Cookie: __Host-hallpass=$S" -H 'Content-Type: application/json' \
  -d '{"currentPassword":"guess {}","newPassword":"an attacker password 1"}' > "$CODES" &
sleep 1
echo "under load: ready $(timing "$BASE/health/ready"), session check $(timing "$BASE/api/auth/me" -H "Cookie: __Host-hallpass=$S")"
wait
echo "64 guesses answered in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s: $(sort "$CODES" | uniq -c | tr -s ' \n' ' ')"

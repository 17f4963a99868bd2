# Shared by the scripts/servers/*.sh recipes (sourced, not run).

# The HTTP status of GET $1 on 127.0.0.1:$HTTP_PORT, or nothing (bash only: no curl needed).
http_status() {
  ( exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT" || exit 0
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" "$HTTP_PORT" >&3
    IFS=' ' read -r -t 10 _ status _ <&3 || true
    echo "${status:-}" ) 2>/dev/null
}

# await_exit PID NAME: waits up to 30 s for a stopped server's process to end, then kills it.
await_exit() {
  for _ in $(seq 30); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 1
  done
  echo "$2: process $1 still alive; killing it" >&2
  kill -9 "$1" 2>/dev/null || true
  sleep 1
}

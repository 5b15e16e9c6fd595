#!/usr/bin/env bash
# Gateway benchmark (make bench-gateway; not part of make test). On loopback, in one run, with wrk:
#   a budget endpoint called directly, through the gateway, and through Debian's nginx as a plain reverse proxy,
#   for a small authenticated GET and a 1 MB POST (requests/s, p50, p99); then the authenticated GET's p99 while
#   100 hostile clients (slow anonymous bodies, each from its own loopback address) are connected to the gateway.
# It starts PostgreSQL, Keycloak, the budget service and the gateway with scripts/suite.sh on their own ports
# (BENCH_PORT_OFFSET, default 3000) and state folder (bench/gateway/.state), and stops them at the end.
#
#   BENCH_DURATION    seconds per wrk run (default 15)      BENCH_CONNECTIONS  wrk connections (default 16)
#   BENCH_THREADS     wrk threads (default 2)               SC_SKIP_BUILD=1    use the jars already built
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/gateway
STATE=$HERE/.state
OFFSET=${BENCH_PORT_OFFSET:-3000}
DURATION=${BENCH_DURATION:-15}
CONNS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
GATEWAY=http://127.0.0.1:$((8080 + OFFSET))
BUDGET=http://127.0.0.1:$((8081 + OFFSET))
NGINX_PORT=$((8070 + OFFSET))
NGINX=http://127.0.0.1:$NGINX_PORT
TOKEN_URL=http://localhost:$((8180 + OFFSET))/realms/spending-control/protocol/openid-connect/token
mkdir -p "$STATE"

say() { printf '%s\n' "$*" >&2; }

# --- tools: wrk and nginx from Debian ---------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { say "missing: ${need[*]} (apt-get install ${need[*]})"; exit 1; }
  say "Installing ${need[*]} with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)

# --- the suite's budget service and gateway, with the per-client limits out of the way ---------------------------------
# (the benchmark measures forwarding, not the limiter refusing one user's 32 parallel connections)
export GATEWAY_RATE_LIMITS_ENABLED=false
export GATEWAY_LIMITS_CONCURRENT_REQUESTS_PER_CLIENT=100000
export SC_PORT_OFFSET=$OFFSET SC_STATE_DIR=$STATE/suite SC_SERVICES="budget gateway"
# full JIT (make run's default stops at C1 to start fast), the same for the service and the gateway
export SC_JAVA_OPTS=${SC_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}
cleanup() {
  [ -f "$STATE/nginx.pid" ] && kill "$(cat "$STATE/nginx.pid")" 2>/dev/null || true
  [ -n "${HOSTILE_PID:-}" ] && kill "$HOSTILE_PID" 2>/dev/null || true
  "$ROOT/scripts/suite.sh" down >&2 || true
}
trap cleanup EXIT
"$ROOT/scripts/suite.sh" up >&2

# --- nginx: a plain reverse proxy to the same service -------------------------------------------------------------------
mkdir -p "$STATE/nginx/logs" "$STATE/nginx/tmp"
cat >"$STATE/nginx.conf" <<CONF
worker_processes auto;
pid $STATE/nginx.pid;
error_log $STATE/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_max_body_size 16m;
  client_body_temp_path $STATE/nginx/tmp/body;
  proxy_temp_path $STATE/nginx/tmp/proxy;
  fastcgi_temp_path $STATE/nginx/tmp/fastcgi;
  uwsgi_temp_path $STATE/nginx/tmp/uwsgi;
  scgi_temp_path $STATE/nginx/tmp/scgi;
  upstream budget { server 127.0.0.1:$((8081 + OFFSET)); keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://budget;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
"$NGINX_BIN" -p "$STATE/nginx" -c "$STATE/nginx.conf"

# --- a token, the bodies ------------------------------------------------------------------------------------------------
TOKEN=$(curl -fsS -d grant_type=password -d client_id=spending-control-cli -d username=dhsc-editor \
  -d password=local-dev-only "$TOKEN_URL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
# a 1 MB monthly return whose financial year is not valid: read and parsed whole, then refused (400), nothing written
python3 - "$STATE/post-1mb.json" <<'PY'
import json, sys
lines = []
i = 0
while True:
    lines.append({"programme": "DHSC-ELECTIVE-RECOVERY", "boundary": "RESOURCE_DEL_PROGRAMME", "period": 7,
                  "kind": "OUTTURN", "amount": 1000000 + i})
    i += 1
    if i % 500 == 0 and len(json.dumps({"financialYear": "2026-99", "period": 7, "lines": lines})) >= 1_000_000:
        break
open(sys.argv[1], "w").write(json.dumps({"financialYear": "2026-99", "period": 7, "lines": lines}))
PY
cat >"$STATE/post.lua" <<LUA
local f = io.open("$STATE/post-1mb.json", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

check() {   # what each path answers, once, so that the figures are about the right answers
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1/api/v1/departments")
  [ "$status" = 200 ] || { say "GET $1/api/v1/departments answered $status"; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$STATE/post-1mb.json" "$1/api/v1/returns")
  [ "$status" = 400 ] || { say "POST 1 MB to $1/api/v1/returns answered $status (expected 400)"; exit 1; }
}
for base in "$BUDGET" "$GATEWAY" "$NGINX"; do check "$base"; done

# wrk LABEL ARGS... -> "LABEL | req/s | p50 | p99" (latencies in ms)
run_wrk() {
  local label=$1; shift
  local out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency "$@")
  printf '%s\n' "$out" >"$STATE/wrk-$(echo "$label" | tr ' /' '__').txt"
  python3 - "$label" <<PY
import re, sys
out = """$out"""
def ms(v):
    m = re.match(r"([0-9.]+)(us|ms|s)", v)
    n = float(m.group(1)); u = m.group(2)
    return n / 1000 if u == "us" else n * 1000 if u == "s" else n
rps = re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1)
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
errors = re.search(r"Socket errors:.*", out)
load = open("/proc/loadavg").read().split()[0]
print(f"| {sys.argv[1]} | {float(rps):,.0f} | {p50:.2f} | {p99:.2f} | {load} |" + (f" <!-- {errors.group(0)} -->" if errors else ""))
PY
}

say "Warming up (JIT) ..."
wrk -t"$THREADS" -c"$CONNS" -d10s -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/v1/departments" >/dev/null
wrk -t"$THREADS" -c"$CONNS" -d10s -H "Authorization: Bearer $TOKEN" "$NGINX/api/v1/departments" >/dev/null
wrk -t"$THREADS" -c"$CONNS" -d5s -s "$STATE/post.lua" "$GATEWAY/api/v1/returns" >/dev/null

{
  echo "| path | requests/s | p50 ms | p99 ms | load average after |"
  echo "|---|---:|---:|---:|---:|"
  for pair in "direct:$BUDGET" "gateway:$GATEWAY" "nginx:$NGINX"; do
    run_wrk "GET /api/v1/departments, ${pair%%:*}" -H "Authorization: Bearer $TOKEN" "${pair#*:}/api/v1/departments"
  done
  for pair in "direct:$BUDGET" "gateway:$GATEWAY" "nginx:$NGINX"; do
    run_wrk "POST 1 MB /api/v1/returns, ${pair%%:*}" -s "$STATE/post.lua" "${pair#*:}/api/v1/returns"
  done
  # 100 hostile clients on the gateway: anonymous slow bodies on a public path, each from its own address, reconnecting
  python3 "$HERE/hostile.py" 127.0.0.1 $((8080 + OFFSET)) 100 &
  HOSTILE_PID=$!
  sleep 3   # let them all connect
  run_wrk "GET /api/v1/departments, gateway, 100 hostile clients connected" -H "Authorization: Bearer $TOKEN" \
    "$GATEWAY/api/v1/departments"
  kill "$HOSTILE_PID" 2>/dev/null || true
} | tee "$STATE/results.md"
say ""
say "wrk -t$THREADS -c$CONNS -d${DURATION}s on $(nproc) CPUs (load average now: $(cut -d' ' -f1-3 /proc/loadavg)); raw wrk output in $STATE/wrk-*.txt"

#!/usr/bin/env bash
# The whole Spending Control suite on one machine, no container engine: PostgreSQL, Keycloak (realm imported),
# the services, the web pages and the gateway, with demo data. `make run` / `make stop` call this script.
#
#   scripts/suite.sh up                  build (unless SC_SKIP_BUILD=1), start everything, wait until ready
#   scripts/suite.sh down                stop everything this state folder started; check that nothing is left
#   scripts/suite.sh status              what runs, on which port, healthy or not
#   scripts/suite.sh stop-service NAME   stop one part (e.g. reporting), leave the rest running
#   scripts/suite.sh start-service NAME  start one part again and wait until it is ready
#   scripts/suite.sh logs NAME           follow one part's log (tail -f)
#
# Parts: postgres, keycloak, budget, outcome-delivery-plan, delegation-rules, reporting, web, gateway.
#
# Environment:
#   SC_STATE_DIR      folder for everything the run writes (PostgreSQL data, Keycloak, logs, pid files); default .run
#   SC_PORT_OFFSET    added to every port (default 0; the end-to-end test uses 1000)
#   SC_SKIP_BUILD=1   do not run Maven; use the jars already in */target/quarkus-app
#   SC_SERVICES       which applications to start (default: "budget outcome-delivery-plan delegation-rules reporting web gateway")
#   SC_JAVA_OPTS      JVM options of the services and the gateway (default: -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
#   SC_START_TIMEOUT  seconds to wait for each part to become ready (default 240)
#   SC_KEYCLOAK_VERSION  Keycloak distribution fetched from Maven Central with the Maven wrapper (default 26.7.3)
#
# Every password and secret here is for LOCAL DEVELOPMENT ONLY.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OFFSET=${SC_PORT_OFFSET:-0}
KC_VERSION=${SC_KEYCLOAK_VERSION:-26.7.3}
START_TIMEOUT=${SC_START_TIMEOUT:-240}
SERVICES_DEFAULT="budget outcome-delivery-plan delegation-rules reporting web gateway"
SERVICES=${SC_SERVICES-$SERVICES_DEFAULT}
JAVA_OPTS_SERVICES=${SC_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
REALM=spending-control
REALM_FILE=$ROOT/helm/spending-control/files/realm/spending-control-realm.json
KC_ADMIN_USER="admin"
KC_ADMIN_PASSWORD=local-dev-only
DEMO_PASSWORD=local-dev-only
DB_NAME=spending_control

say() { printf '%s\n' "$*"; }
warn() { printf 'suite.sh: %s\n' "$*" >&2; }
die() { printf 'suite.sh: %s\n' "$*" >&2; exit 1; }

[[ "$OFFSET" =~ ^[0-9]+$ ]] || die "SC_PORT_OFFSET must be a whole number, not '$OFFSET'"
[[ "$START_TIMEOUT" =~ ^[0-9]+$ ]] || die "SC_START_TIMEOUT must be a number of seconds, not '$START_TIMEOUT'"

STATE_RAW=${SC_STATE_DIR:-$ROOT/.run}
mkdir -p "$STATE_RAW"
STATE=$(cd "$STATE_RAW" && pwd)
PIDS=$STATE/pids
LOGS=$STATE/logs
PG_DIR=$STATE/postgres
KC_BASE=$STATE/keycloak
KC_HOME=$KC_BASE/keycloak-$KC_VERSION
mkdir -p "$PIDS" "$LOGS"

# ---------------------------------------------------------------- parts, ports, database roles

PG_PORT=$((55432 + OFFSET))
KC_PORT=$((8180 + OFFSET))
KC_MGMT_PORT=$((8190 + OFFSET))   # Keycloak's management interface (health); 9000 by default, moved next to 8180
KC_URL=http://localhost:$KC_PORT
OIDC_URL=$KC_URL/realms/$REALM

is_app() { case "$1" in budget|outcome-delivery-plan|delegation-rules|reporting|web|gateway) return 0 ;; *) return 1 ;; esac; }
is_part() { case "$1" in postgres|keycloak) return 0 ;; *) is_app "$1" ;; esac; }

port_of() {
  case "$1" in
    postgres) echo "$PG_PORT" ;;
    keycloak) echo "$KC_PORT" ;;
    gateway) echo $((8080 + OFFSET)) ;;
    budget) echo $((8081 + OFFSET)) ;;
    outcome-delivery-plan) echo $((8082 + OFFSET)) ;;
    delegation-rules) echo $((8083 + OFFSET)) ;;
    reporting) echo $((8084 + OFFSET)) ;;
    web) echo $((8085 + OFFSET)) ;;
    *) die "unknown part '$1'" ;;
  esac
}

module_of() { if [ "$1" = gateway ]; then echo gateway; else echo "services/$1"; fi; }
jar_of() { echo "$ROOT/$(module_of "$1")/target/quarkus-app/quarkus-run.jar"; }

# service -> "db-user schema password"
db_of() {
  case "$1" in
    budget) echo "budget_svc budget local-dev-only-budget" ;;
    outcome-delivery-plan) echo "odp_svc odp local-dev-only-odp" ;;
    delegation-rules) echo "delegation_svc delegation local-dev-only-delegation" ;;
    reporting) echo "reporting_svc reporting local-dev-only-reporting" ;;
    *) echo "" ;;
  esac
}
DB_SERVICES="budget outcome-delivery-plan delegation-rules reporting"

url_of() { echo "http://127.0.0.1:$(port_of "$1")"; }
# health, metrics and OpenAPI of the services and the gateway: their management interface, public port + 1000
mgmt_port_of() { echo $(($(port_of "$1") + 1000)); }
health_of() {
  case "$1" in
    keycloak) echo "http://127.0.0.1:$KC_MGMT_PORT/health/ready" ;;
    *) echo "http://127.0.0.1:$(mgmt_port_of "$1")/q/health/ready" ;;
  esac
}

# ---------------------------------------------------------------- processes

# Every JVM we start carries this marker, so a pid file is only believed when the process is really ours.
marker() { echo "-Dsc.suite.state=$STATE"; }

pid_file() { echo "$PIDS/$1.pid"; }

# whether process $1 is ours: a JVM with our marker among its arguments, or our Keycloak's launcher script
# (kc.sh runs a first JVM for its build step before it becomes the server JVM)
is_ours() {
  tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline" | grep -qxF -e "$(marker)" -e "$KC_HOME/bin/kc.sh"
}

# every live process of this state folder (any JVM with our marker), whatever the pid files say
our_pids() {
  local d
  for d in /proc/[0-9]*; do
    is_ours "${d#/proc/}" && echo "${d#/proc/}"
  done
  return 0
}

# pid of a running part started from this state folder, or nothing
pid_of() {
  local f pid
  f=$(pid_file "$1")
  [ -f "$f" ] || return 0
  pid=$(cat "$f" 2>/dev/null || true)
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && is_ours "$pid"; then
    echo "$pid"
  fi
}

pg_running() {
  [ -f "$PG_DIR/data/postmaster.pid" ] || return 1
  local pid
  pid=$(head -n 1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

running() {
  if [ "$1" = postgres ]; then pg_running; else [ -n "$(pid_of "$1")" ]; fi
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

port_user() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n 1 || true
  fi
}

require_port_free() {
  local port=$1 what=$2 who
  if port_in_use "$port"; then
    who=$(port_user "$port")
    die "port $port ($what) is already in use${who:+ by $who}. Stop that program, or run with another SC_PORT_OFFSET (e.g. SC_PORT_OFFSET=100)."
  fi
}

show_log_tail() {
  local log=$LOGS/$1.log
  [ "$1" = postgres ] && log=$PG_DIR/postgres.log
  if [ -f "$log" ]; then
    warn "last lines of $log:"
    tail -n "${2:-40}" "$log" | sed 's/^/    /' >&2
  fi
}

# Start a command in its own session (process group = its pid), output to the part's log, pid to its pid file.
spawn() {
  local name=$1; shift
  local log=$LOGS/$name.log pidf
  pidf=$(pid_file "$name")
  rm -f "$pidf"
  printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "$name" >>"$log"
  # shellcheck disable=SC2016 # expanded by the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" >>"$log" 2>&1 </dev/null &

  for _ in $(seq 1 50); do [ -s "$pidf" ] && break; sleep 0.1; done
  [ -s "$pidf" ] || die "could not start $name (no pid file)"
}

# Whether anything of process group $1 still runs (zombies, which only wait for init to reap them, do not count).
group_alive() {
  ps -e -o pgid=,stat= 2>/dev/null | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# Stop a part's process group: TERM, then KILL after a grace period. Returns once nothing of it is left.
kill_group() {
  local name=$1 pid=$2
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    group_alive "$pid" || break
    sleep 0.2
  done
  if group_alive "$pid"; then
    warn "$name did not stop within 20 s: killing it"
    kill -KILL -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 25); do group_alive "$pid" || break; sleep 0.2; done
  fi
  ! group_alive "$pid"
}

# Wait until a part answers ready (HTTP 200 on its readiness URL). On failure: message, log tail, exit 1.
wait_ready() {
  local name=$1 url start now pid
  url=$(health_of "$name")
  start=$(date +%s)
  while :; do
    if http_ok "$url"; then
      return 0
    fi
    pid=$(pid_of "$name")
    if [ -z "$pid" ]; then
      show_log_tail "$name"
      die "$name stopped while starting; its log is $LOGS/$name.log"
    fi
    now=$(date +%s)
    if [ $((now - start)) -ge "$START_TIMEOUT" ]; then
      show_log_tail "$name"
      die "$name is not ready after ${START_TIMEOUT} s ($url); its log is $LOGS/$name.log. It is left running: scripts/suite.sh down stops everything."
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------- prerequisites

java_bin() { if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else echo java; fi; }

check_java() {
  local java ver major
  java=$(java_bin)
  command -v "$java" >/dev/null 2>&1 || die "Java 17 or newer is needed and 'java' is not on the PATH (Debian: apt-get install openjdk-17-jdk-headless)"
  ver=$("$java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  major=${ver%%.*}
  [ "$major" = 1 ] && major=$(echo "$ver" | cut -d. -f2)
  if ! [[ "$major" =~ ^[0-9]+$ ]] || [ "$major" -lt 17 ]; then die "Java 17 or newer is needed; '$java' is version ${ver:-unknown}"; fi
}

# tool -> Debian package
package_of() {
  case "$1" in
    curl) echo curl ;; unzip) echo unzip ;; ss) echo iproute2 ;; ps) echo procps ;; awk) echo mawk ;;
    setsid|runuser) echo util-linux ;; *) echo coreutils ;;
  esac
}

check_tools() {
  local missing=() pkgs=() t
  for t in curl unzip ss ps awk setsid runuser sha256sum seq; do
    command -v "$t" >/dev/null 2>&1 || { missing+=("$t"); pkgs+=("$(package_of "$t")"); }
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing missing tools (${missing[*]}) with apt-get: ${pkgs[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null) \
      || die "could not install ${pkgs[*]} with apt-get"
  else
    die "missing tools: ${missing[*]} (Debian packages: ${pkgs[*]})"
  fi
}

check_prerequisites() {
  check_tools
  check_java
  [ -f "$REALM_FILE" ] || die "realm file not found: $REALM_FILE"
}

# ---------------------------------------------------------------- build

build() {
  if [ "${SC_SKIP_BUILD:-0}" = 1 ]; then
    say "Build skipped (SC_SKIP_BUILD=1)"
    return 0
  fi
  local modules=() all_present=1 m
  while read -r m; do
    if [ -f "$ROOT/$m/pom.xml" ]; then modules+=("$m"); else all_present=0; fi
  done < <(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$ROOT/pom.xml")
  say "Building the suite with Maven (./mvnw package -DskipTests); SC_SKIP_BUILD=1 skips this"
  local t0=$SECONDS
  if [ "$all_present" = 1 ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed (see Maven's output above)"
  else
    # Some modules of the root pom do not exist yet: build the ones that do, through a throw-away aggregator.
    local agg=$STATE/build
    mkdir -p "$agg"
    {
      echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
      echo '<groupId>uk.gov.spendingcontrol</groupId><artifactId>suite-sh-build</artifactId><version>0</version><packaging>pom</packaging><modules>'
      for m in "${modules[@]}"; do
        [ "$m" = e2e ] && continue
        echo "<module>$(realpath --relative-to="$agg" "$ROOT/$m")</module>"
      done
      echo '</modules></project>'
    } >"$agg/pom.xml"
    warn "not every module of pom.xml exists yet; building only: ${modules[*]}"
    (cd "$ROOT" && ./mvnw -B -q -f "$agg/pom.xml" package -DskipTests) || die "the build failed (see Maven's output above)"
  fi
  say "Built in $((SECONDS - t0)) s"
}

# ---------------------------------------------------------------- PostgreSQL

start_postgres() {
  if pg_running; then
    say "postgres: already running (port $PG_PORT)"
  else
    require_port_free "$PG_PORT" "PostgreSQL"
    say "postgres: starting on port $PG_PORT"
    "$ROOT/scripts/postgres.sh" start "$PG_DIR" "$PG_PORT"
  fi
  setup_database
}

psql_super() { "$ROOT/scripts/postgres.sh" psql "$PG_DIR" "$PG_PORT" "$@"; }

# One database; per service one login role that owns only its own schema. Safe to run again.
setup_database() {
  local s user schema pw roles=""
  {
    echo "SET client_min_messages = warning;"
    echo "SELECT 'CREATE DATABASE $DB_NAME' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\\gexec"
    for s in $DB_SERVICES; do
      read -r user schema pw <<<"$(db_of "$s")"
      echo "SELECT 'CREATE ROLE $user' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user')\\gexec"
      echo "ALTER ROLE $user WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$pw';"
      roles="${roles:+$roles, }$user"
    done
    echo "REVOKE ALL ON DATABASE $DB_NAME FROM PUBLIC;"
    echo "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;"
    echo "GRANT CONNECT, TEMPORARY ON DATABASE $DB_NAME TO $roles;"
    echo "\\connect $DB_NAME"
    echo "SET client_min_messages = warning;"
    echo "REVOKE ALL ON SCHEMA public FROM PUBLIC;"
    for s in $DB_SERVICES; do
      read -r user schema pw <<<"$(db_of "$s")"
      echo "CREATE SCHEMA IF NOT EXISTS $schema AUTHORIZATION $user;"
      echo "ALTER SCHEMA $schema OWNER TO $user;"
      echo "REVOKE ALL ON SCHEMA $schema FROM PUBLIC;"
    done
  } | psql_super -d postgres >/dev/null || die "could not set up database $DB_NAME (PostgreSQL log: $PG_DIR/postgres.log)"
}

stop_postgres() {
  if pg_running; then
    say "postgres: stopping"
    "$ROOT/scripts/postgres.sh" stop "$PG_DIR"
  fi
  if pg_running; then die "PostgreSQL in $PG_DIR did not stop"; fi
}

# ---------------------------------------------------------------- Keycloak

install_keycloak() {
  KC_FRESH=0
  [ -x "$KC_HOME/bin/kc.sh" ] && return 0
  KC_FRESH=1
  local dl=$STATE/downloads zip
  mkdir -p "$dl" "$KC_BASE"
  zip=$dl/keycloak-quarkus-dist-$KC_VERSION.zip
  if [ ! -f "$zip" ]; then
    say "keycloak: fetching Keycloak $KC_VERSION from Maven Central (Maven wrapper)"
    (cd "$ROOT" && ./mvnw -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" "-DoutputDirectory=$dl") \
      || die "could not fetch org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip with ./mvnw"
  fi
  say "keycloak: unpacking into $KC_BASE"
  rm -rf "$KC_HOME.tmp" && mkdir -p "$KC_HOME.tmp"
  unzip -q "$zip" -d "$KC_HOME.tmp" || die "could not unpack $zip"
  mv "$KC_HOME.tmp/keycloak-$KC_VERSION" "$KC_HOME" && rmdir "$KC_HOME.tmp"
  rm -f "$zip"   # the Maven local repository keeps a copy
}

start_keycloak() {
  if running keycloak; then
    say "keycloak: already running ($KC_URL)"
    return 0
  fi
  require_port_free "$KC_PORT" "Keycloak"
  require_port_free "$KC_MGMT_PORT" "Keycloak management"
  install_keycloak
  # The realm is imported once into Keycloak's own (H2) database. When the realm file has changed since,
  # throw Keycloak's database away so that the new realm is imported.
  local sum old
  sum=$( (sha256sum "$REALM_FILE"; echo "gateway port $(port_of gateway)") | sha256sum | cut -d' ' -f1)
  old=$(cat "$KC_BASE/realm.sha256" 2>/dev/null || true)
  if [ -n "$old" ] && [ "$old" != "$sum" ] && [ -d "$KC_HOME/data/h2" ]; then
    say "keycloak: the realm file has changed since it was imported: resetting Keycloak's database to import it again"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  # the web client's redirect and sign-out addresses are the gateway's: on its port when the ports are offset
  sed "s#http://localhost:8080#http://localhost:$(port_of gateway)#g" "$REALM_FILE" >"$KC_HOME/data/import/$REALM-realm.json"
  echo "$sum" >"$KC_BASE/realm.sha256"
  if [ "$KC_FRESH" = 1 ]; then
    say "keycloak: starting on port $KC_PORT (first start: build step and realm import, about 30-60 s, more on a busy machine)"
  elif [ ! -d "$KC_HOME/data/h2" ]; then
    say "keycloak: starting on port $KC_PORT (realm import)"
  else
    say "keycloak: starting on port $KC_PORT"
  fi
  KC_HOSTNAME=$KC_URL \
  KC_BOOTSTRAP_ADMIN_USERNAME=$KC_ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
  JAVA_OPTS_APPEND="$(marker) -Dsc.suite.part=keycloak" \
    spawn keycloak "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --http-management-host=127.0.0.1 --http-management-port="$KC_MGMT_PORT" \
      --health-enabled=true --import-realm
}

# ---------------------------------------------------------------- services and gateway

start_app() {
  local name=$1 port jar
  port=$(port_of "$name")
  jar=$(jar_of "$name")
  if running "$name"; then
    say "$name: already running ($(url_of "$name"))"
    return 0
  fi
  [ -f "$jar" ] || die "$name is not built: $jar is missing (run without SC_SKIP_BUILD=1, or ./mvnw package -DskipTests)"
  require_port_free "$port" "$name"
  require_port_free "$(mgmt_port_of "$name")" "$name management"
  local env=(
    "QUARKUS_HTTP_PORT=$port"
    "QUARKUS_HTTP_HOST=127.0.0.1"
    "QUARKUS_MANAGEMENT_PORT=$(mgmt_port_of "$name")"
    "QUARKUS_MANAGEMENT_HOST=127.0.0.1"
    "QUARKUS_OIDC_AUTH_SERVER_URL=$OIDC_URL"
  )
  if [ "$name" = web ]; then
    env+=(
      "WEB_SERVICES_BUDGET_URL=$(url_of budget)"
      "WEB_SERVICES_OUTCOME_DELIVERY_PLAN_URL=$(url_of outcome-delivery-plan)"
      "WEB_SERVICES_DELEGATION_RULES_URL=$(url_of delegation-rules)"
      "WEB_SERVICES_REPORTING_URL=$(url_of reporting)"
    )
  elif [ "$name" = gateway ]; then
    env+=(
      "GATEWAY_WEB_URL=$(url_of web)"
      "SC_OIDC_URL=$OIDC_URL"
      "GATEWAY_SERVICES_BUDGET_URL=$(url_of budget)"
      "GATEWAY_SERVICES_OUTCOME_DELIVERY_PLAN_URL=$(url_of outcome-delivery-plan)"
      "GATEWAY_SERVICES_DELEGATION_RULES_URL=$(url_of delegation-rules)"
      "GATEWAY_SERVICES_REPORTING_URL=$(url_of reporting)"
    )
  else
    local user schema pw
    read -r user schema pw <<<"$(db_of "$name")"
    env+=(
      "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME"
      "QUARKUS_DATASOURCE_USERNAME=$user"
      "QUARKUS_DATASOURCE_PASSWORD=$pw"
      # Demo data. Quarkus fixes quarkus.flyway.locations at build time, so the services build db/demo in and run it
      # only when SC_DEMO_DATA is true (quarkus.flyway.placeholders.demo=${SC_DEMO_DATA:false}).
      "SC_DEMO_DATA=true"
    )
    if [ "$name" = reporting ]; then
      # reporting follows the other services' change feeds with its own client-credentials token (Keycloak client
      # reporting-service, whose local-development secret is the default in its application.properties)
      env+=(
        "REPORTING_FEEDS_BUDGET_URL=$(url_of budget)"
        "REPORTING_FEEDS_OUTCOME_DELIVERY_PLAN_URL=$(url_of outcome-delivery-plan)"
        "REPORTING_FEEDS_DELEGATION_RULES_URL=$(url_of delegation-rules)"
      )
    fi
  fi
  say "$name: starting on port $port"
  # shellcheck disable=SC2086 # JAVA_OPTS_SERVICES is a list of options
  spawn "$name" env "${env[@]}" "$(java_bin)" $JAVA_OPTS_SERVICES "$(marker)" "-Dsc.suite.part=$name" -jar "$jar"
}

stop_part() {
  local name=$1 pid
  if [ "$name" = postgres ]; then stop_postgres; return 0; fi
  pid=$(pid_of "$name")
  if [ -n "$pid" ]; then
    say "$name: stopping (pid $pid)"
    kill_group "$name" "$pid" || die "$name (pid $pid) could not be stopped"
  fi
  rm -f "$(pid_file "$name")"
}

# ---------------------------------------------------------------- commands

print_summary() {
  local gw
  gw=http://localhost:$(port_of gateway)
  cat <<EOF

Spending Control is running (state: $STATE)

  web pages (sign in here)         $gw/   (as dhsc-editor, hmt-spending or co-admin: password '$DEMO_PASSWORD')
  gateway (the only public entry)  $gw/api/v1/...   (health and metrics: http://127.0.0.1:$(mgmt_port_of gateway)/q/...)
  budget                           $(url_of budget)   (each service's health, metrics, OpenAPI: its port + 1000, /q/...)
  outcome-delivery-plan            $(url_of outcome-delivery-plan)
  delegation-rules                 $(url_of delegation-rules)
  reporting                        $(url_of reporting)
  web (behind the gateway)         $(url_of web)
  Keycloak                         $KC_URL  (admin console: $KC_URL/admin/ , $KC_ADMIN_USER / $KC_ADMIN_PASSWORD)
  realm issuer                     $OIDC_URL
  PostgreSQL                       127.0.0.1:$PG_PORT, database $DB_NAME (roles budget_svc, odp_svc, delegation_svc, reporting_svc)
  logs                             $LOGS/

Demo users (password '$DEMO_PASSWORD' for all, LOCAL DEVELOPMENT ONLY), client spending-control-cli:
  dhsc-editor  dfe-editor  defra-editor   department-editor of DHSC / DFE / DEFRA
  dhsc-reader  dfe-reader  defra-reader   department-reader of DHSC / DFE / DEFRA
  hmt-spending (treasury-spending)  hmt-approver (treasury-approver)
  co-admin, co-admin-2 (cabinet-office-admin: a draft's maker and its checker)   platform-ops (platform-operator)
Machine clients (client credentials, role department-system):
  dhsc-finance-system / local-dev-only-dhsc-secret, dfe-finance-system / local-dev-only-dfe-secret,
  defra-finance-system / local-dev-only-defra-secret
  reporting-service / local-dev-only-reporting-service-secret (role feed-reader: every change feed, every department)

Try it:
  TOKEN=\$(curl -s -d grant_type=password -d client_id=spending-control-cli \\
      -d username=dhsc-editor -d password=$DEMO_PASSWORD \\
      $OIDC_URL/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -H "Authorization: Bearer \$TOKEN" $gw/api/v1/control-totals

Stop everything: scripts/suite.sh down   (one service: scripts/suite.sh stop-service reporting)
EOF
}

cmd_up() {
  local t0=$SECONDS name
  for name in $SERVICES; do is_app "$name" || die "SC_SERVICES: unknown application '$name'"; done
  check_prerequisites
  # every port first, so that a busy port stops us before anything has started
  running postgres || require_port_free "$PG_PORT" "PostgreSQL"
  if ! running keycloak; then
    require_port_free "$KC_PORT" "Keycloak"
    require_port_free "$KC_MGMT_PORT" "Keycloak management"
  fi
  for name in $SERVICES; do
    running "$name" || { require_port_free "$(port_of "$name")" "$name"; require_port_free "$(mgmt_port_of "$name")" "$name management"; }
  done
  build
  local started=()
  start_keycloak
  start_postgres
  for name in $SERVICES; do
    start_app "$name"
    started+=("$name")
  done
  say "Waiting until everything is ready (timeout ${START_TIMEOUT} s each)..."
  for name in keycloak "${started[@]}"; do
    wait_ready "$name"
    say "$name: ready"
  done
  print_summary
  say ""
  say "Started in $((SECONDS - t0)) s"
}

cmd_down() {
  local name leftover
  for name in gateway web reporting delegation-rules outcome-delivery-plan budget keycloak; do
    stop_part "$name"
  done
  stop_postgres
  # Anything of ours still alive (a JVM whose pid file was lost)? Name it and stop it by its process group.
  leftover=$(our_pids | tr '\n' ' ')
  if [ -n "${leftover// /}" ]; then
    warn "processes of this suite were still running: $leftover; stopping them"
    for name in $leftover; do kill_group "pid $name" "$(ps -o pgid= -p "$name" | tr -d ' ')" || true; done
    leftover=$(our_pids | tr '\n' ' ')
    [ -z "${leftover// /}" ] || die "processes left behind: $leftover"
  fi
  say "Everything is stopped (state kept in $STATE; delete that folder for a fresh start)"
}

cmd_status() {
  local name pid state port
  printf '%-22s %-7s %-8s %s\n' PART PORT PID STATE
  for name in postgres keycloak budget outcome-delivery-plan delegation-rules reporting web gateway; do
    port=$(port_of "$name")
    if [ "$name" = postgres ]; then
      pid=""
      if pg_running; then pid=$(head -n 1 "$PG_DIR/data/postmaster.pid"); fi
      if [ -n "$pid" ]; then state=running; else state=stopped; fi
    else
      pid=$(pid_of "$name")
      if [ -z "$pid" ]; then state=stopped
      elif http_ok "$(health_of "$name")"; then state=ready
      else state="running, not ready"
      fi
    fi
    printf '%-22s %-7s %-8s %s\n' "$name" "$port" "${pid:--}" "$state"
  done
}

cmd_start_service() {
  local name=${1:-}
  is_part "$name" || die "usage: suite.sh start-service postgres|keycloak|budget|outcome-delivery-plan|delegation-rules|reporting|web|gateway"
  case "$name" in
    postgres) start_postgres ;;
    keycloak) start_keycloak; wait_ready keycloak ;;
    *) start_app "$name"; wait_ready "$name" ;;
  esac
  say "$name: ready"
}

cmd_stop_service() {
  local name=${1:-}
  is_part "$name" || die "usage: suite.sh stop-service postgres|keycloak|budget|outcome-delivery-plan|delegation-rules|reporting|web|gateway"
  stop_part "$name"
  say "$name: stopped"
}

cmd_logs() {
  local name=${1:-}
  is_part "$name" || die "usage: suite.sh logs PART"
  if [ "$name" = postgres ]; then exec tail -n 100 -f "$PG_DIR/postgres.log"; fi
  exec tail -n 100 -f "$LOGS/$name.log"
}

case "${1:-}" in
  up) cmd_up ;;
  down|stop) cmd_down ;;
  status) cmd_status ;;
  start-service) cmd_start_service "${2:-}" ;;
  stop-service) cmd_stop_service "${2:-}" ;;
  logs) cmd_logs "${2:-}" ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

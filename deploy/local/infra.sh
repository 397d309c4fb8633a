#!/usr/bin/env bash
# Private PostgreSQL + RabbitMQ on loopback for local development and tests.
#
#   deploy/local/infra.sh up       start (installing Debian packages if needed); prints export lines
#   deploy/local/infra.sh down     stop both private servers
#   deploy/local/infra.sh status   one line per server; exit 0 if both run, 3 otherwise
#   deploy/local/infra.sh reset    down, then delete all their data
#   deploy/local/infra.sh env      print export lines with the connection strings
#   deploy/local/infra.sh rabbitmqctl ARGS...   rabbitmqctl against the private node
#
#   eval "$(deploy/local/infra.sh up)"
#
# Everything (data, logs, config, Erlang cookie) lives under $ROOT/.omni/, so
# several checkouts never share state. Only "export ..." lines go to stdout;
# all progress goes to stderr, which keeps `eval "$(infra.sh up)"` safe.
#
# Overrides (environment):
#   ConnectionStrings__postgres / ConnectionStrings__rabbitmq
#       when set, `up` and `env` use that server instead of a private one
#   OMNI_PG_PORT (54329), OMNI_RABBITMQ_PORT (56729),
#   OMNI_RABBITMQ_DIST_PORT (56739), OMNI_EPMD_PORT (43691)
#   OMNI_INFRA_PROFILE=test
#       a second, separate pair of servers for the test suite (.omni/test/, ports
#       54339, 56759, 56769, epmd 43692), so tests never touch a developer's data
#       or compete for their queues while the platform runs beside them
set -euo pipefail
shopt -s inherit_errexit   # let failures inside $(...) stop the script too

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OMNI="$ROOT/.omni"
DEFAULT_PG_PORT=54329 DEFAULT_RMQ_PORT=56729 DEFAULT_RMQ_DIST_PORT=56739 DEFAULT_EPMD_PORT=43691 RMQ_NODE="omni@localhost"
if [[ "${OMNI_INFRA_PROFILE:-}" == "test" ]]; then
  OMNI="$ROOT/.omni/test"
  DEFAULT_PG_PORT=54339 DEFAULT_RMQ_PORT=56759 DEFAULT_RMQ_DIST_PORT=56769 DEFAULT_EPMD_PORT=43692 RMQ_NODE="omni-test@localhost"
elif [[ -n "${OMNI_INFRA_PROFILE:-}" ]]; then
  printf 'infra: error: unknown OMNI_INFRA_PROFILE=%s (only "test")\n' "$OMNI_INFRA_PROFILE" >&2; exit 1
fi

PG_PORT="${OMNI_PG_PORT:-$DEFAULT_PG_PORT}"
PG_DIR="$OMNI/postgres"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/log/postgres.log"
PG_RUN="$PG_DIR/run"            # unix socket dir: private, not /var/run/postgresql
PG_PWFILE="$PG_DIR/password"
PG_DB="omnichannel"

RMQ_PORT="${OMNI_RABBITMQ_PORT:-$DEFAULT_RMQ_PORT}"
RMQ_DIST_PORT="${OMNI_RABBITMQ_DIST_PORT:-$DEFAULT_RMQ_DIST_PORT}"
EPMD_PORT="${OMNI_EPMD_PORT:-$DEFAULT_EPMD_PORT}"
RMQ_DIR="$OMNI/rabbitmq"
RMQ_LOG_DIR="$RMQ_DIR/log"
RMQ_STARTUP_LOG="$RMQ_LOG_DIR/startup.log"
RMQ_PID_FILE="$RMQ_DIR/rabbitmq.pid"
RMQ_BIN="/usr/lib/rabbitmq/bin"  # upstream scripts; /usr/sbin ones would su to the 'rabbitmq' user

DEADLINE_SECS=60

# ---------------------------------------------------------------- helpers

log() { printf 'infra: %s\n' "$*" >&2; }
die() { printf 'infra: error: %s\n' "$*" >&2; exit 1; }
is_root() { [[ $EUID -eq 0 ]]; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when pid $1 exists and is not a zombie (a dead child we have not reaped
# still passes `kill -0`).
proc_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != Z ]]
}

# Print `export NAME="value"` with the value escaped for double quotes, so
# that user-supplied connection strings survive eval unchanged.
emit_export() {
  local v="$2"
  v="${v//\\/\\\\}"; v="${v//\"/\\\"}"; v="${v//\$/\\\$}"; v="${v//\`/\\\`}"
  printf 'export %s="%s"\n' "$1" "$v"
}

show_log_tail() {
  local f
  for f in "$@"; do
    [[ -s "$f" ]] || continue
    printf -- '----- last lines of %s -----\n' "$f" >&2
    tail -n 30 "$f" >&2
  done
}

# The node log ends with a long shutdown listing; the reason a boot failed is
# in the VM's own output (startup.log) and in the node log's error lines.
show_rmq_failure() {
  local node_log="$RMQ_LOG_DIR/$RMQ_NODE.log"
  if [[ -s "$RMQ_STARTUP_LOG" ]]; then
    printf -- '----- last lines of %s -----\n' "$RMQ_STARTUP_LOG" >&2
    tail -n 8 "$RMQ_STARTUP_LOG" | cut -c1-400 >&2
  fi
  if grep -qE '\[(error|critical)\]' "$node_log" 2>/dev/null; then
    printf -- '----- last errors in %s -----\n' "$node_log" >&2
    grep -E '\[(error|critical)\]' "$node_log" | tail -n 15 | cut -c1-400 >&2
  fi
}

# Serialise up/down/reset so that parallel callers (e.g. test runners) never
# initdb or start a node twice. fd 9 must be closed for every long-lived child
# we spawn (9>&-), otherwise the servers would hold the lock forever.
take_lock() {
  mkdir -p "$OMNI"
  exec 9>>"$OMNI/infra.lock"
  flock -w 120 9 || die "another infra.sh is still busy (lock $OMNI/infra.lock)"
}

# -------------------------------------------------------------- packages

# Newest installed PostgreSQL, or the one matching an existing data dir
# (a newer major cannot open an older cluster).
pg_bindir() {
  local d
  if [[ -f "$PG_DATA/PG_VERSION" ]]; then
    d="/usr/lib/postgresql/$(cat "$PG_DATA/PG_VERSION")/bin"
    [[ -x "$d/postgres" ]] && echo "$d"
    return 0
  fi
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [[ -x "$d/postgres" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
  done
  return 0
}

rmq_installed() { [[ -x "$RMQ_BIN/rabbitmq-server" ]] && command -v erl >/dev/null; }

# While installing, /usr/sbin/policy-rc.d answers 101 ("forbidden") so the
# maintainer scripts (invoke-rc.d) do not start the system-wide services:
# we want our private instances only. The machine's own policy file, if any,
# is put back afterwards, even if apt fails.
POLICY_RC=/usr/sbin/policy-rc.d
POLICY_SAVED="/usr/sbin/policy-rc.d.omni-saved"
block_service_starts() {
  # (a saved copy already there means a killed earlier run: keep that original)
  if [[ -e "$POLICY_RC" && ! -e "$POLICY_SAVED" ]]; then mv "$POLICY_RC" "$POLICY_SAVED"; fi
  printf '#!/bin/sh\n# temporary, written by %s\nexit 101\n' "$0" >"$POLICY_RC"
  chmod 755 "$POLICY_RC"
  trap restore_service_policy EXIT
  trap 'exit 130' INT TERM HUP    # turn signals into an exit, so the EXIT trap runs
}
restore_service_policy() {
  rm -f "$POLICY_RC"
  if [[ -e "$POLICY_SAVED" ]]; then mv "$POLICY_SAVED" "$POLICY_RC"; fi
  trap - EXIT INT TERM HUP
}

apt_install() {
  log "installing Debian packages: $* (system services will not be started)"
  block_service_starts
  apt-get update >&2 9>&-
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2 9>&-
  restore_service_policy
  disable_system_services "$@"
}

# The packages enable their units for the next boot. Nothing here uses them,
# so stop and disable the ones we just installed (never pre-existing ones).
# Without systemd there is nothing to do: policy-rc.d kept them from starting,
# and calling /etc/init.d/rabbitmq-server stop would itself spawn a system
# epmd on 0.0.0.0:4369 (via rabbitmqctl), so we don't.
disable_system_services() {
  local pkg
  for pkg in "$@"; do
    case "$pkg" in postgresql|rabbitmq-server) ;; *) continue ;; esac
    if [[ -d /run/systemd/system ]]; then
      systemctl disable --now "$pkg.service" >&2 2>&1 || true
    fi
    log "system-wide $pkg service was not started and is not used"
  done
}

ensure_packages() {
  local want_pg=$1 want_rmq=$2 missing=()
  if [[ $want_pg == 1 && -z "$(pg_bindir)" ]]; then missing+=(postgresql); fi
  if [[ $want_rmq == 1 ]] && ! rmq_installed; then missing+=(rabbitmq-server); fi
  [[ ${#missing[@]} -eq 0 ]] && return 0

  if ! is_root; then
    log "missing Debian package(s): ${missing[*]} (only root may install them)"
    log "install them once with:"
    log "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    log "  sudo systemctl disable --now ${missing[*]/%/.service}   # this script runs its own private instances"
    log "(or run this script as root, which does both), or point ConnectionStrings__postgres /"
    log "ConnectionStrings__rabbitmq at servers of your own."
    exit 1
  fi
  apt_install "${missing[@]}"
  if [[ $want_pg == 1 && -z "$(pg_bindir)" ]]; then
    die "PostgreSQL binaries still missing after install (PG_VERSION $(cat "$PG_DATA/PG_VERSION" 2>/dev/null || echo '?'))"
  fi
  if [[ $want_rmq == 1 ]] && ! rmq_installed; then die "RabbitMQ still missing after install"; fi
}

# ------------------------------------------------------------- PostgreSQL

# PostgreSQL refuses to run as root: as root we use the 'postgres' account
# (or whoever already owns an existing data dir), otherwise the caller.
pg_user() {
  if ! is_root; then id -un; return; fi
  local owner
  if [[ -d "$PG_DATA" ]] && owner="$(stat -c %U "$PG_DATA")" && [[ "$owner" != root ]]; then
    echo "$owner"
  else
    echo postgres
  fi
}

# Run a PostgreSQL tool as the server's user; cd / so a private cwd of the
# caller cannot cause "could not change directory" noise.
as_pg() {
  if is_root; then
    (cd / && runuser -u "$(pg_user)" -- "$@")
  else
    "$@"
  fi
}

# Pid of our postmaster, if it is running (postmaster.pid line 1, port line 4).
pg_pid() {
  local pid
  pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && proc_alive "$pid" \
    && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres* ]] && echo "$pid"
}
pg_running() { pg_pid >/dev/null; }
pg_actual_port() { sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || echo "$PG_PORT"; }

# A postmaster found running may still be starting (e.g. after an interrupted
# `up`); line 8 of postmaster.pid says "ready" once it accepts connections.
pg_wait_ready() {
  local deadline=$((SECONDS + DEADLINE_SECS))
  until [[ "$(sed -n 8p "$PG_DATA/postmaster.pid" 2>/dev/null)" == ready* ]]; do
    pg_running || { show_log_tail "$PG_LOG"; die "PostgreSQL stopped while starting; log: $PG_LOG"; }
    [[ $SECONDS -lt $deadline ]] || { show_log_tail "$PG_LOG"; die "PostgreSQL not ready after ${DEADLINE_SECS}s; log: $PG_LOG"; }
    sleep 0.2
  done
}

pg_prepare_dirs() {
  local user; user="$(pg_user)"
  if ! is_root && [[ -d "$PG_DIR" && "$(stat -c %U "$PG_DIR")" != "$user" ]]; then
    die "$PG_DIR belongs to $(stat -c %U "$PG_DIR"); run this as root (or 'infra.sh reset' as root)"
  fi
  mkdir -p "$PG_DATA" "$PG_DIR/log" "$PG_RUN"
  chmod 700 "$PG_DATA" "$PG_RUN"
  if is_root; then
    chown -R "$user:" "$PG_DIR"
    # Typical failure: the repo lives under a 0700 home directory.
    runuser -u "$user" -- test -w "$PG_DATA" \
      || die "user '$user' cannot reach $PG_DATA; a parent directory is not searchable (chmod o+x it or move the repo)"
  fi
}

pg_password() {
  [[ -r "$PG_PWFILE" ]] || die "cannot read $PG_PWFILE (run 'infra.sh up' first, as the same user)"
  cat "$PG_PWFILE"
}

pg_init() {
  local bindir=$1
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  log "initialising PostgreSQL cluster in $PG_DATA"
  if [[ ! -s "$PG_PWFILE" ]]; then
    # hex: no characters that need quoting in a connection string
    (umask 077; od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$PG_PWFILE")
  fi
  chmod 600 "$PG_PWFILE"
  is_root && chown "$(pg_user):" "$PG_PWFILE"   # initdb --pwfile reads it as that user
  as_pg "$bindir/initdb" -D "$PG_DATA" -U postgres --pwfile="$PG_PWFILE" \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 --data-checksums >"$PG_DIR/log/initdb.log" 2>&1 \
    || { show_log_tail "$PG_DIR/log/initdb.log"; die "initdb failed"; }
  # Our settings live in a file we rewrite on every start; include it last so it wins.
  echo "include_if_exists = 'omni.conf'" >>"$PG_DATA/postgresql.conf"
}

# Regenerated at every start so port/tuning changes apply on the next `up`.
pg_write_config() {
  local sockdir="$PG_RUN"
  # Unix socket paths are limited to 107 bytes; deep checkouts get TCP only.
  if [[ ${#PG_RUN} -gt 90 ]]; then
    log "socket path too long, PostgreSQL will listen on TCP only"; sockdir=""
  fi
  cat >"$PG_DATA/omni.conf" <<EOF
# Generated by deploy/local/infra.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sockdir'
password_encryption = scram-sha-256

# Sized for a 2-core dev box running many test hosts in parallel.
max_connections = 300
shared_buffers = 256MB
effective_cache_size = 1GB
work_mem = 4MB
maintenance_work_mem = 64MB
max_worker_processes = 4
max_parallel_workers = 2
max_parallel_workers_per_gather = 1
max_wal_size = 1GB

# Durability stays on: nothing acknowledged may be lost.
fsync = on
synchronous_commit = on
full_page_writes = on

log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = 1000
EOF
  is_root && chown "$(pg_user):" "$PG_DATA/omni.conf"
  return 0
}

pg_start() {
  local bindir=$1
  if port_open "$PG_PORT"; then
    die "port $PG_PORT is already used by another process (set OMNI_PG_PORT)"
  fi
  pg_write_config
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
  local -a as_user=()
  is_root && as_user=(runuser -u "$(pg_user)" --)
  # setsid: the postmaster must not belong to the caller's terminal session,
  # so Ctrl+C in a calling program cannot kill it mid-flight.
  (cd / && setsid -w "${as_user[@]}" \
    "$bindir/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$DEADLINE_SECS" start >&2 9>&-) \
    || { show_log_tail "$PG_LOG"; die "PostgreSQL did not start within ${DEADLINE_SECS}s; log: $PG_LOG"; }
}

pg_ensure_database() {
  local bindir=$1 port pw exists
  port="$(pg_actual_port)"
  pw="$(pg_password)"
  local -a psql=(env PGPASSWORD="$pw" PGCONNECT_TIMEOUT=10 "$bindir/psql" -X -q
                 -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA)
  exists="$("${psql[@]}" -c "select 1 from pg_database where datname = '$PG_DB'")"
  if [[ "$exists" != 1 ]]; then
    log "creating database $PG_DB"
    "${psql[@]}" -c "create database $PG_DB" >&2
  fi
}

pg_up() {
  local bindir
  bindir="$(pg_bindir)"
  [[ -n "$bindir" ]] || die "no PostgreSQL server binaries for data dir $PG_DATA (PG_VERSION $(cat "$PG_DATA/PG_VERSION" 2>/dev/null))"
  if pg_running; then
    log "PostgreSQL already running (pid $(pg_pid), port $(pg_actual_port))"
    [[ "$(pg_actual_port)" == "$PG_PORT" ]] || log "note: running on port $(pg_actual_port), not OMNI_PG_PORT=$PG_PORT; run 'down' then 'up' to move it"
    pg_wait_ready
  else
    pg_prepare_dirs
    pg_init "$bindir"
    pg_start "$bindir"
  fi
  pg_ensure_database "$bindir"
}

pg_down() {
  local bindir
  pg_running || { log "PostgreSQL not running"; return 0; }
  bindir="$(pg_bindir)"
  log "stopping PostgreSQL (pid $(pg_pid))"
  as_pg "$bindir/pg_ctl" -D "$PG_DATA" -m fast -w -t "$DEADLINE_SECS" stop >&2 \
    || as_pg "$bindir/pg_ctl" -D "$PG_DATA" -m immediate -w stop >&2
}

pg_conn_string() {
  local port="$PG_PORT" pw
  pg_running && port="$(pg_actual_port)"
  pw="$(pg_password)"
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Password=%s;Database=%s' "$port" "$pw" "$PG_DB"
}

# --------------------------------------------------------------- RabbitMQ

# The whole private-node environment. The server and every CLI call need the
# same values: node name, epmd port and HOME (Erlang cookie) in particular.
rmq_export_env() {
  export HOME="$RMQ_DIR/home"
  export RABBITMQ_NODENAME="$RMQ_NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RMQ_PORT"
  export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
  # CLI tools otherwise listen on 35672-35682, shared with a system node.
  export RABBITMQ_CTL_DIST_PORT_MIN=$((RMQ_DIST_PORT + 1))
  export RABBITMQ_CTL_DIST_PORT_MAX=$((RMQ_DIST_PORT + 10))
  # Erlang distribution would otherwise listen on 0.0.0.0.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_PORT="$EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RMQ_LOG_DIR"
  export RABBITMQ_PID_FILE="$RMQ_PID_FILE"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
  # Never read /etc/rabbitmq/rabbitmq-env.conf: it belongs to the system node.
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  # A VM that dies at boot writes erl_crash.dump into its cwd; keep it with the logs.
  export ERL_CRASH_DUMP="$RMQ_LOG_DIR/erl_crash.dump"
  # Under a systemd unit rabbitmq-server would exec in place and talk to systemd.
  unset NOTIFY_SOCKET
}

# rabbitmqctl against our node: rmq_ctl [--timeout SECS] ARGS...
rmq_ctl() {
  local -a limit=()
  if [[ "${1:-}" == --timeout ]]; then limit=(timeout "$2"); shift 2; fi
  (rmq_export_env; cd "$RMQ_DIR" && exec "${limit[@]}" "$RMQ_BIN/rabbitmqctl" -n "$RMQ_NODE" "$@")
}

# True when pid $1 is alive, its command name starts with $2 and its
# environment names our mnesia dir: guards against pid reuse after a crash and
# against other RabbitMQ nodes on the machine.
is_ours() {
  proc_alive "$1" && [[ "$(cat "/proc/$1/comm" 2>/dev/null)" == "$2"* ]] \
    && grep -qzxF "RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia" "/proc/$1/environ" 2>/dev/null
}

# Pid of our process named $1* (default: the beam VM). The pid file appears a
# few seconds into the boot, so fall back to scanning /proc: a node that is
# still booting (e.g. after an interrupted `up`) must not get a twin.
rmq_pid() {
  local name="${1:-beam}" pid f
  pid="$(cat "$RMQ_PID_FILE" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && is_ours "$pid" "$name"; then echo "$pid"; return 0; fi
  for f in /proc/[0-9]*/comm; do
    [[ "$(cat "$f" 2>/dev/null)" == "$name"* ]] || continue
    pid="${f#/proc/}"; pid="${pid%/comm}"
    if is_ours "$pid" "$name"; then echo "$pid"; return 0; fi
  done
  return 1
}
rmq_running() { rmq_pid >/dev/null; }

# A running node keeps the ports it was started with, whatever OMNI_* says
# now; read them from its environment so down/status/env talk to the right one.
rmq_adopt_running_config() {
  local pid environ line
  pid="$(rmq_pid || rmq_pid rabbitmq-server)" || return 0
  environ="$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ")" || return 0
  while IFS= read -r line; do
    case "$line" in
      RABBITMQ_NODE_PORT=*) RMQ_PORT="${line#*=}" ;;
      RABBITMQ_DIST_PORT=*) RMQ_DIST_PORT="${line#*=}" ;;
      ERL_EPMD_PORT=*) EPMD_PORT="${line#*=}" ;;
    esac
  done <<<"$environ"
}

rmq_prepare() {
  mkdir -p "$RMQ_DIR/mnesia" "$RMQ_LOG_DIR" "$RMQ_DIR/home"
  chmod 700 "$RMQ_DIR/home"
  echo '[].' >"$RMQ_DIR/enabled_plugins"        # no plugins, no management UI
  : >"$RMQ_DIR/rabbitmq-env.conf"
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Generated by deploy/local/infra.sh on every start; edit the script, not this file.
# Listener, ports and paths come from RABBITMQ_* environment variables.
loopback_users.guest = true
vm_memory_high_watermark.relative = 0.4
disk_free_limit.absolute = 200MB
log.console = false
log.file.level = info
EOF
}

# Starts the node detached and returns at once; rmq_wait waits for it.
# setsid: own session, no controlling terminal, survives this script and Ctrl+C.
RMQ_LAUNCHER_PID=""
rmq_launch() {
  if port_open "$RMQ_PORT"; then
    die "port $RMQ_PORT is already used by another process (set OMNI_RABBITMQ_PORT)"
  fi
  rmq_prepare
  rm -f "$RMQ_PID_FILE"
  log "starting RabbitMQ node $RMQ_NODE on 127.0.0.1:$RMQ_PORT (logs: $RMQ_LOG_DIR)"
  (
    rmq_export_env
    cd "$RMQ_DIR"
    exec setsid nohup "$RMQ_BIN/rabbitmq-server" >>"$RMQ_STARTUP_LOG" 2>&1 </dev/null 9>&-
  ) &
  RMQ_LAUNCHER_PID=$!
}

rmq_wait() {
  local deadline=$((SECONDS + DEADLINE_SECS))
  until port_open "$RMQ_PORT" && rmq_running; do
    if [[ -n "$RMQ_LAUNCHER_PID" ]] && ! proc_alive "$RMQ_LAUNCHER_PID"; then
      show_rmq_failure
      die "RabbitMQ exited during startup; logs in $RMQ_LOG_DIR"
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      show_rmq_failure
      die "RabbitMQ did not accept connections on $RMQ_PORT within ${DEADLINE_SECS}s; logs in $RMQ_LOG_DIR"
    fi
    sleep 0.3
  done
  log "RabbitMQ ready (pid $(rmq_pid))"
}

rmq_up_begin() {
  if rmq_running; then
    log "RabbitMQ already running (pid $(rmq_pid), port $RMQ_PORT)"
    [[ "$RMQ_PORT" == "${OMNI_RABBITMQ_PORT:-$DEFAULT_RMQ_PORT}" ]] || log "note: it runs on port $RMQ_PORT, not ${OMNI_RABBITMQ_PORT:-$DEFAULT_RMQ_PORT}; run 'down' then 'up' to move it"
  elif rmq_pid rabbitmq-server >/dev/null; then
    # Our start script runs but its beam is not up yet: just wait for it.
    log "RabbitMQ is already starting (pid $(rmq_pid rabbitmq-server))"
  else
    rmq_launch
  fi
}

# The node registers with its own epmd (ERL_EPMD_PORT), which erl starts as a
# daemon; it outlives the node, so stop it explicitly. -kill only succeeds
# once no node is registered, which protects anything else using it.
rmq_stop_epmd() {
  port_open "$EPMD_PORT" || return 0
  epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true   # /usr/bin/epmd, from erlang-base
  local deadline=$((SECONDS + 10))
  while port_open "$EPMD_PORT" && [[ $SECONDS -lt $deadline ]]; do sleep 0.2; done
  port_open "$EPMD_PORT" && log "warning: epmd on port $EPMD_PORT is still running"
  return 0
}

# Waits up to $2 seconds for pid $1 to exit; false if it is still there.
wait_gone() {
  local deadline=$((SECONDS + $2))
  while proc_alive "$1"; do
    [[ $SECONDS -lt $deadline ]] || return 1
    sleep 0.2
  done
}

rmq_down() {
  local pid
  if pid="$(rmq_pid)"; then
    log "stopping RabbitMQ node $RMQ_NODE (pid $pid)"
    # rabbitmqctl stop is the clean way; SIGTERM also makes RabbitMQ shut
    # down gracefully (3.10 traps it) and is the fallback; SIGKILL the last resort.
    if ! rmq_ctl --timeout "$DEADLINE_SECS" stop >&2 || ! wait_gone "$pid" "$DEADLINE_SECS"; then
      log "rabbitmqctl stop failed; sending SIGTERM"
      kill -TERM "$pid" 2>/dev/null || true
      wait_gone "$pid" 30 || kill -KILL "$pid" 2>/dev/null || true
    fi
  elif pid="$(rmq_pid rabbitmq-server)"; then
    # Start script without a VM yet: its TERM trap stops whatever it started.
    log "stopping RabbitMQ start script (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 20 || kill -KILL "$pid" 2>/dev/null || true
  else
    log "RabbitMQ not running"
  fi
  rm -f "$RMQ_PID_FILE"
  rmq_stop_epmd
}

rmq_conn_string() { printf 'amqp://guest:guest@127.0.0.1:%s/' "$RMQ_PORT"; }

# --------------------------------------------------------------- commands

# A ConnectionStrings__* variable names an external server unless it is the
# very string this script prints for its private one: after
# `eval "$(infra.sh up)"` and `infra.sh down`, a new `up` must still start them.
external_pg() {
  local v="${ConnectionStrings__postgres:-}" own=""
  [[ -r "$PG_PWFILE" ]] && own="$(pg_conn_string)"
  [[ -n "$v" && "$v" != "$own" ]]
}
external_rmq() {
  local v="${ConnectionStrings__rabbitmq:-}"
  [[ -n "$v" && "$v" != "$(rmq_conn_string)" ]]
}

# Caller-provided connection strings win over the private servers.
print_env() {
  local pg="${ConnectionStrings__postgres:-}" rmq="${ConnectionStrings__rabbitmq:-}"
  [[ -n "$pg" ]] || pg="$(pg_conn_string)"
  [[ -n "$rmq" ]] || rmq="$(rmq_conn_string)"
  emit_export ConnectionStrings__postgres "$pg"
  emit_export ConnectionStrings__rabbitmq "$rmq"
}

cmd_up() {
  local want_pg=1 want_rmq=1
  if external_pg; then want_pg=0; log "ConnectionStrings__postgres is set: using it, no private PostgreSQL"; fi
  if external_rmq; then want_rmq=0; log "ConnectionStrings__rabbitmq is set: using it, no private RabbitMQ"; fi
  [[ $want_pg == 0 && $want_rmq == 0 ]] && { print_env; return 0; }
  take_lock
  ensure_packages "$want_pg" "$want_rmq"
  # RabbitMQ boots slowest, so launch it first and bring PostgreSQL up meanwhile.
  if [[ $want_rmq == 1 ]]; then rmq_up_begin; fi
  if [[ $want_pg == 1 ]]; then pg_up; fi
  if [[ $want_rmq == 1 ]]; then rmq_wait; fi
  print_env
}

cmd_down() {
  take_lock
  pg_down
  rmq_down
}

cmd_status() {
  local rc=0 state
  if pg_running; then state="running (pid $(pg_pid))"; else state=stopped; rc=3; fi
  printf 'postgres  %-22s port %-6s data %s\n' "$state" "$(pg_running && pg_actual_port || echo "$PG_PORT")" "$PG_DATA"
  if rmq_running; then state="running (pid $(rmq_pid))"; else state=stopped; rc=3; fi
  printf 'rabbitmq  %-22s port %-6s data %s\n' "$state" "$RMQ_PORT" "$RMQ_DIR/mnesia"
  return $rc
}

cmd_reset() {
  cmd_down
  log "deleting $PG_DIR and $RMQ_DIR (all local database and broker data)"
  rm -rf -- "$PG_DIR" "$RMQ_DIR"
}

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  rmq_adopt_running_config
  case "${1:-}" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    env) print_env ;;
    rabbitmqctl) shift; rmq_ctl "$@" ;;
    *) usage ;;
  esac
}

main "$@"

#!/usr/bin/env bash
# PostgreSQL in the foreground: AppHost's `postgres` resource where no container engine runs (AppHost/Infrastructure).
# Installs Debian's package when missing (root only), creates the cluster and the `omnichannel` database on first use,
# then runs until SIGTERM, which it turns into a fast shutdown (clients disconnected, nothing committed lost).
#
# Environment, set by AppHost:
#   PGPORT            the port (AppHost's endpoint)
#   OMNI_DATA         the data folder; the cluster lives in $OMNI_DATA/postgres/data
#   PGPASSWORD_FILE   the superuser's password (read by initdb once, when the cluster is created)
set -euo pipefail
OMNI_SERVER=postgres
source "$(dirname "$0")/packages.sh"

: "${PGPORT:?}" "${OMNI_DATA:?}" "${PGPASSWORD_FILE:?}"
dir="$OMNI_DATA/postgres"
data="$dir/data"
database=omnichannel

newest_bin() { local d; for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
  [[ -x $d/postgres && -x $d/initdb ]] && { echo "$d"; return 0; }; done; return 1; }
ensure_package postgresql newest_bin >/dev/null
# A cluster opens only with the major version that created it.
if [[ -f $data/PG_VERSION ]]; then
  bin="/usr/lib/postgresql/$(cat "$data/PG_VERSION")/bin"
  [[ -x $bin/postgres ]] || die "$data was created by PostgreSQL $(cat "$data/PG_VERSION"), which is not installed; install it or reset the data (see the README)"
else
  bin="$(newest_bin)"
fi

# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` account.
as_server=()
if [[ $EUID -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "there is no 'postgres' user (the Debian package creates it)"
  as_server=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi

if [[ -f $data/postmaster.pid ]]; then
  pid="$(head -n 1 "$data/postmaster.pid")"
  if [[ $pid =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres* ]]; then
    die "the cluster in $data is already in use by PostgreSQL pid $pid, started outside this AppHost; stop it first (kill $pid)"
  fi
fi
port_open "$PGPORT" && die "port $PGPORT is already in use by another process"

mkdir -p "$data" "$dir/run"
chmod 700 "$data" "$dir/run"
if [[ $EUID -eq 0 ]]; then
  chown -R postgres: "$dir"
  "${as_server[@]}" test -w "$data" \
    || die "the postgres user cannot reach $data: a parent folder is not searchable (chmod o+x it, or move the data with Infrastructure__DataPath)"
fi
if [[ ! -f $data/PG_VERSION ]]; then
  say "creating the cluster in $data"
  [[ $EUID -eq 0 ]] && chown postgres: "$PGPASSWORD_FILE"
  (cd / && "${as_server[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile="$PGPASSWORD_FILE" \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >&2) \
    || die "initdb failed"
  echo "include_if_exists = 'omni.conf'" >>"$data/postgresql.conf"
fi

# Rewritten at every start, so tuning changes apply on the next run. Unix socket paths are limited to 107 bytes.
sockets="$dir/run"; [[ ${#sockets} -gt 90 ]] && sockets=""
cat >"$data/omni.conf" <<CONF
# Written by deploy/local/postgres.sh at every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockets'
password_encryption = scram-sha-256
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
log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = 1000
# The server's log holds no data: a slow statement is logged without its parameters (the documents' JSON: card tokens,
# customers' names and addresses), an error without its DETAIL and CONTEXT, which quote the values (a duplicate key, the
# JSON a document was refused for). The same settings for the container: AppHost/Infrastructure/Servers.cs.
log_parameter_max_length = 0
log_parameter_max_length_on_error = 0
log_error_verbosity = terse
CONF
[[ $EUID -eq 0 ]] && chown postgres: "$data/omni.conf"

# In a session of its own: Linux shares the CPU between sessions first (autogroups), and PostgreSQL's backends, a process
# per connection, would each weigh as much as a whole service in the orchestrator's one session.
(cd / && exec setsid -w "${as_server[@]}" "$bin/postgres" -D "$data" -c port="$PGPORT") &
server=$!
# SIGTERM would be PostgreSQL's "smart" shutdown, which waits for every client to leave; SIGINT is "fast". The
# postmaster is the only child of `setsid -w`, which waits for it.
trap 'kill -INT $(cat /proc/$server/task/$server/children 2>/dev/null) 2>/dev/null' TERM INT HUP

until PGCONNECT_TIMEOUT=2 "$bin/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -U postgres; do
  kill -0 $server 2>/dev/null || { status=0; wait $server || status=$?; die "PostgreSQL stopped while starting (exit code $status)"; }
  sleep 0.2
done
psql=(env PGPASSWORD="$(cat "$PGPASSWORD_FILE")" "$bin/psql" -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA)
if [[ "$("${psql[@]}" -c "select 1 from pg_database where datname = '$database'")" != 1 ]]; then
  say "creating the database $database"
  "${psql[@]}" -c "create database $database" >&2
fi
say "ready on 127.0.0.1:$PGPORT, database $database, data in $data"

# wait returns early when a trapped signal arrives: wait until the server has gone, then exit with its exit code.
while kill -0 $server 2>/dev/null; do wait $server || true; done
wait $server

#!/usr/bin/env bash
# RabbitMQ in the foreground: AppHost's `rabbitmq` resource where no container engine runs (AppHost/Infrastructure).
# Installs Debian's package when missing (root only) and runs a private node (its own node name, ports, cookie, data
# and logs under $OMNI_DATA/rabbitmq, nothing of the system's node) until SIGTERM, which RabbitMQ handles as a clean
# shutdown. Erlang leaves its port mapper (epmd) running after the node: it is stopped on the way out.
#
# Environment, set by AppHost: RABBITMQ_NODE_PORT (AMQP), RABBITMQ_DIST_PORT (Erlang distribution), ERL_EPMD_PORT
# (the node's own epmd), OMNI_DATA (the data folder).
set -euo pipefail
OMNI_SERVER=rabbitmq
source "$(dirname "$0")/packages.sh"

: "${RABBITMQ_NODE_PORT:?}" "${RABBITMQ_DIST_PORT:?}" "${ERL_EPMD_PORT:?}" "${OMNI_DATA:?}"
dir="$OMNI_DATA/rabbitmq"
bin=/usr/lib/rabbitmq/bin   # upstream scripts; the /usr/sbin ones would switch to the 'rabbitmq' user

installed() { [[ -x $bin/rabbitmq-server ]] && command -v erl >/dev/null; }
ensure_package rabbitmq-server installed

for port in "$RABBITMQ_NODE_PORT" "$RABBITMQ_DIST_PORT"; do
  port_open "$port" && die "port $port is already in use by another process"
done

mkdir -p "$dir/mnesia" "$dir/log" "$dir/home"
chmod 700 "$dir/home"
echo '[].' >"$dir/enabled_plugins"     # no plugins, no management UI
: >"$dir/rabbitmq-env.conf"            # never read /etc/rabbitmq/rabbitmq-env.conf: it belongs to the system's node
cat >"$dir/rabbitmq.conf" <<CONF
# Written by deploy/local/rabbitmq.sh at every start; edit the script, not this file.
loopback_users.guest = true
vm_memory_high_watermark.relative = 0.4
disk_free_limit.absolute = 200MB
log.console = true
log.console.level = info
log.file = false
CONF

export HOME="$dir/home"   # the Erlang cookie
export RABBITMQ_NODENAME=omni@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
export ERL_CRASH_DUMP="$dir/log/erl_crash.dump" ERL_EPMD_ADDRESS=127.0.0.1
# The distribution port listens on every interface unless told otherwise.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
unset NOTIFY_SOCKET

stop_epmd() { epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true; }
# In a session of its own, weighed as a whole by Linux's scheduler (autogroups), as postgres.sh says.
(cd "$dir" && exec setsid -w "$bin/rabbitmq-server") &
server=$!
trap 'kill -TERM $(cat /proc/$server/task/$server/children 2>/dev/null) 2>/dev/null' TERM INT HUP
trap stop_epmd EXIT

# wait returns early when a trapped signal arrives: wait until the node has gone, then exit with its exit code.
while kill -0 $server 2>/dev/null; do wait $server || true; done
wait $server

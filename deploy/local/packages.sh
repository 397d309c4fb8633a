# Sourced by postgres.sh and rabbitmq.sh (and the dashboard tests, for chromium): installs a Debian package when it is
# missing, as root only. OMNI_SERVER names the caller in its messages.
#
# While apt installs, /usr/sbin/policy-rc.d answers 101 ("forbidden") so the package's own system-wide service is not
# started: we run private servers only. The machine's own policy file, if any, is put back afterwards, even if apt fails.
# Installs are serialised (flock): test assemblies start their servers in parallel on a fresh machine.

die() { printf '%s: %s\n' "$OMNI_SERVER" "$*" >&2; exit 1; }
say() { printf '%s: %s\n' "$OMNI_SERVER" "$*" >&2; }

# ensure_package PACKAGE CHECK...: runs CHECK; installs PACKAGE unless it succeeds.
ensure_package() {
  local package=$1; shift
  "$@" && return 0
  if [[ $EUID -ne 0 ]]; then
    local alternative=""
    [[ $OMNI_SERVER == postgres || $OMNI_SERVER == rabbitmq ]] \
      && alternative=$'\n'"or point AppHost at a server of your own (ConnectionStrings__$OMNI_SERVER)."
    die "Debian's $package is not installed, and only root may install it. Install it once with
  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $package$alternative"
  fi
  exec 8>/tmp/omnichannel-apt.lock
  flock -w 900 8 || die "another install of Debian packages did not finish within 15 minutes"
  if ! "$@"; then
    say "installing Debian's $package (its system-wide service is not started)"
    local policy=/usr/sbin/policy-rc.d saved=/usr/sbin/policy-rc.d.omni-saved
    [[ -e $policy && ! -e $saved ]] && mv "$policy" "$saved"
    printf '#!/bin/sh\n# temporary, written by %s\nexit 101\n' "$0" >"$policy" && chmod 755 "$policy"
    local status=0
    { apt-get -o DPkg::Lock::Timeout=300 update -q \
        && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "$package"; } >&2 8>&- || status=$?
    rm -f "$policy"; [[ -e $saved ]] && mv "$saved" "$policy"
    [[ $status -eq 0 ]] || die "apt-get could not install $package (exit code $status)"
    if [[ -d /run/systemd/system ]]; then systemctl disable --now "$package.service" >&2 2>&1 || true; fi
    "$@" || die "$package is still missing after apt-get installed it"
  fi
  exec 8>&-
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

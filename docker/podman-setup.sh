#!/usr/bin/env bash
# Makes sure that podman can build and run containers on this machine (Debian 12), as docs/deployment.md and
# /work/shared/ENVIRONMENT.md describe: podman, runc, debootstrap and netavark from Debian, the runc runtime
# (crun refuses the hybrid cgroup layout) and no default ulimits (setting them is refused).
#
#   docker/podman-setup.sh          install what is missing (as root, with apt-get), write the settings, check
#   docker/podman-setup.sh --check  only check; exit 0 when ready
#
# Exit codes: 0 ready; 3 cannot be made ready here (not root, no apt-get, install failed): the message says why.
# Sourced by docker/images.sh and run by the container test (containers/), which turns exit 3 into a skip.
set -euo pipefail

CONF_DIR=/etc/containers/containers.conf.d
CONF=$CONF_DIR/50-spending-control.conf
PACKAGES="podman runc debootstrap netavark aardvark-dns catatonit iptables"

cannot() { printf 'podman-setup: cannot prepare podman here: %s\n' "$*" >&2; exit 3; }

missing_tools() {
  local t out=""
  for t in podman runc debootstrap; do command -v "$t" >/dev/null 2>&1 || out="$out $t"; done
  echo "${out# }"
}

configured() { [ -f "$CONF" ] && grep -q '^runtime = "runc"' "$CONF" && grep -q '^default_ulimits = \[\]' "$CONF"; }

check_only=0
[ "${1:-}" = "--check" ] && check_only=1

missing=$(missing_tools)
if [ -n "$missing" ] || ! configured; then
  [ "$check_only" = 1 ] && { echo "podman-setup: not ready (missing: ${missing:-none}; settings written: $(configured && echo yes || echo no))" >&2; exit 3; }
  [ "$(id -u)" = 0 ] || cannot "missing ${missing:-settings in $CONF} and not running as root (install: apt-get install $PACKAGES)"
  if [ -n "$missing" ]; then
    command -v apt-get >/dev/null 2>&1 || cannot "missing $missing and no apt-get (not a Debian-like system)"
    echo "podman-setup: installing $PACKAGES with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null 2>&1; then
      apt-get update -qq >/dev/null 2>&1 || true
      apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null 2>&1 || cannot "apt-get install $PACKAGES failed"
    fi
  fi
  mkdir -p "$CONF_DIR"
  cat >"$CONF" <<'EOF'
# Written by Spending Control's docker/podman-setup.sh. On this kind of machine podman needs the runc runtime
# (crun refuses the hybrid cgroup layout) and no default ulimits (setting them is refused).
[containers]
default_ulimits = []

[engine]
runtime = "runc"

[network]
network_backend = "netavark"
EOF
fi

[ "$check_only" = 1 ] && exit 0
# a last check that the engine answers with the settings
runtime=$(podman info --format '{{.Host.OCIRuntime.Name}}' 2>/dev/null) || cannot "podman info fails: $(podman info 2>&1 | tail -n 3)"
[ "$runtime" = runc ] || cannot "podman uses the runtime '$runtime', not runc (see $CONF)"
exit 0

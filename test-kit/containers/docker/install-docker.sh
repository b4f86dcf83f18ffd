#!/usr/bin/env bash
# Installs and starts a Docker engine for the test-kit's container tests (io.sparkconnect.testkit.containers), then
# builds their base image. Written for .ci/run and for a fresh developer machine of this project (Debian bookworm,
# root, Debian's mirror reachable, no container registry reachable).
#
#   source test-kit/containers/docker/install-docker.sh   # also exports the TESTCONTAINERS_* variables below into the caller
#   bash test-kit/containers/docker/install-docker.sh     # same, but prints the exports for the caller to run
#
# No container registry is reachable, so Testcontainers must not pull its own images: Ryuk (its reaper), and a tiny
# image for its start-up checks and, where /.dockerenv exists, for finding the Docker host's address. It reads these
# switches from the environment only (not from system properties):
#   TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true TESTCONTAINERS_HOST_OVERRIDE=localhost
#
# Steps, each skipped when already done (measured on a 2-core machine, fresh):
#   1. apt-get install docker.io debootstrap (Debian's Docker 20.10, containerd, runc, iptables)  ~16 s, +270 MB
#   2. dockerd in the background, log in $DOCKERD_LOG; falls back to vfs storage and no iptables  ~2 s
#   3. build-base-image.sh: sparkconnect/debian-java:17 by debootstrap + docker import             ~70 s, +330 MB
# The Spark images (the server jars on top of the base image) are built by the tests themselves, once per version.
# Stop the engine at the end with test-kit/containers/docker/stop-docker.sh.

_sc_docker_main() {
  set -euo pipefail
  local here log
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  log="${DOCKERD_LOG:-/tmp/dockerd.log}"

  if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
    echo "install-docker: apt-get install docker.io debootstrap"
    export DEBIAN_FRONTEND=noninteractive
    # Without `apt-get update` first when the lists are fresh enough; with it when they are not.
    if ! apt-get install -y -q docker.io debootstrap >/tmp/install-docker-apt.log 2>&1; then
      apt-get update -q >/dev/null
      apt-get install -y -q docker.io debootstrap >/tmp/install-docker-apt.log 2>&1 \
        || { tail -20 /tmp/install-docker-apt.log; return 1; }
    fi
  fi

  if ! docker info >/dev/null 2>&1; then
    # Each attempt: the default (overlay2, bridge with iptables), then the variants for kernels or sandboxes that
    # lack overlayfs or iptables.
    local attempt
    for attempt in "" "--storage-driver=vfs" "--storage-driver=vfs --iptables=false"; do
      echo "install-docker: starting dockerd ${attempt:-(defaults)}, log $log"
      # shellcheck disable=SC2086
      nohup dockerd $attempt >"$log" 2>&1 </dev/null &
      local pid=$! i
      for i in $(seq 1 60); do
        if docker info >/dev/null 2>&1; then break; fi
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        sleep 0.5
      done
      if docker info >/dev/null 2>&1; then break; fi
      echo "install-docker: dockerd ${attempt:-(defaults)} did not come up:"
      tail -5 "$log"
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    done
    docker info >/dev/null 2>&1 || { echo "install-docker: no Docker engine could be started"; return 1; }
  fi
  echo "install-docker: engine $(docker info \
    --format '{{.ServerVersion}}, storage {{.Driver}}, cgroup v{{.CgroupVersion}}')"

  bash "$here/build-base-image.sh"
}

_sc_testcontainers_env="TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true"
_sc_testcontainers_env+=" TESTCONTAINERS_HOST_OVERRIDE=localhost"
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  _sc_docker_main
  echo "install-docker: before the tests, run: export $_sc_testcontainers_env"
else
  # Sourced: run in a subshell so `set -e` does not leak into the caller, then export for the tests.
  ( _sc_docker_main ) || return 1
  # shellcheck disable=SC2163,SC2086
  export $_sc_testcontainers_env
  echo "install-docker: exported $_sc_testcontainers_env"
fi
unset _sc_testcontainers_env

#!/usr/bin/env bash
# Stops what install-docker.sh started: the test-kit's leftover containers and networks, then dockerd (by its pid file).
set -uo pipefail
if docker info >/dev/null 2>&1; then
  ids="$(docker ps -aq --filter label=io.sparkconnect.testkit)"
  [[ -n "$ids" ]] && docker rm -f $ids >/dev/null
  nets="$(docker network ls -q --filter label=io.sparkconnect.testkit)"
  [[ -n "$nets" ]] && docker network rm $nets >/dev/null
fi
if [[ -s /var/run/docker.pid ]]; then
  pid="$(cat /var/run/docker.pid)"
  kill "$pid" 2>/dev/null && for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
fi

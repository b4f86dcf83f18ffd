#!/usr/bin/env bash
# Builds the base image of the test-kit's containers, sparkconnect/debian-java:17 (Debian bookworm, minbase, with
# openjdk-17-jre-headless), without any container registry: debootstrap from Debian's mirror, then `docker import`.
# Idempotent: does nothing when the image exists. Needs root, a running Docker engine and network access to Debian's
# mirror. Measured on a 2-core machine: about 50 s and 350 MB (image 348 MB; the root file system is deleted after).
#
#   bash test-kit/containers/docker/build-base-image.sh            # build if missing
#   FORCE=1 bash test-kit/containers/docker/build-base-image.sh    # rebuild
set -euo pipefail

IMAGE="${SPARKCONNECT_BASE_IMAGE:-sparkconnect/debian-java:17}"
SUITE="${DEBIAN_SUITE:-bookworm}"
# The mirror apt already uses on this machine, else Debian's default one.
MIRROR="${DEBIAN_MIRROR:-$(grep -rhoE 'https?://[^ ]+/debian/?( |$)' \
  /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | head -1 | tr -d ' ' || true)}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

if [[ -z "${FORCE:-}" ]] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "build-base-image: $IMAGE exists"
  exit 0
fi

if ! command -v debootstrap >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
fi

ROOTFS="$(mktemp -d /tmp/sparkconnect-rootfs.XXXXXX)"
trap 'rm -rf "$ROOTFS"' EXIT
start=$SECONDS
echo "build-base-image: debootstrap $SUITE from $MIRROR into $ROOTFS"
# procps gives ps/kill inside the container, which Spark's worker does not need but people debugging do.
debootstrap --variant=minbase --include=openjdk-17-jre-headless,procps "$SUITE" "$ROOTFS" "$MIRROR" \
  > "$ROOTFS.debootstrap.log" 2>&1 || { tail -30 "$ROOTFS.debootstrap.log"; exit 1; }
rm -f "$ROOTFS.debootstrap.log"
chroot "$ROOTFS" apt-get clean
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/*
echo "build-base-image: importing $(du -sh "$ROOTFS" | cut -f1) as $IMAGE"
tar -C "$ROOTFS" -c . | docker import \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  - "$IMAGE" >/dev/null
version="$(docker run --rm "$IMAGE" java -version 2>&1)"
echo "build-base-image: ${version%%$'\n'*}"
echo "build-base-image: $IMAGE built in $((SECONDS - start)) s"

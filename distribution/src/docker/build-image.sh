#!/usr/bin/env bash
# Builds the container image of the spark-connect tool, sparkconnect/spark-connect:<version>, from the locally built
# base image (Debian + OpenJDK 17 from Debian's packages, see test-kit/containers/docker/build-base-image.sh) and the
# assembled archive. No container registry is contacted. Prints the image's name on the last line of stdout.
#
#   ./mvnw -q -B install -DskipTests                 # assembles distribution/target/spark-connect
#   bash distribution/src/docker/build-image.sh      # builds the image
#
# SPARK_CONNECT_DIST: the unpacked archive (default: distribution/target/spark-connect of this checkout).
# SPARK_CONNECT_IMAGE: the image's name (default: sparkconnect/spark-connect:<the tool's version>).
# SPARKCONNECT_BASE_IMAGE: the base image (default: sparkconnect/debian-java:17; built here when missing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
dist="${SPARK_CONNECT_DIST:-$repo/distribution/target/spark-connect}"
base="${SPARKCONNECT_BASE_IMAGE:-sparkconnect/debian-java:17}"

if [[ ! -x "$dist/bin/spark-connect" ]]; then
  echo "build-image: $dist/bin/spark-connect is missing; run ./mvnw -q -B install -DskipTests first" >&2
  exit 1
fi
core=("$dist"/lib/spark-connect-java-core-*.jar)
if [[ ! -f "${core[0]}" ]]; then
  echo "build-image: no spark-connect-java-core jar in $dist/lib" >&2
  exit 1
fi
version="$(basename "${core[0]}" .jar)"
version="${version#spark-connect-java-core-}"
image="${SPARK_CONNECT_IMAGE:-sparkconnect/spark-connect:$version}"

if ! docker image inspect "$base" >/dev/null 2>&1; then
  if [[ "$base" != "sparkconnect/debian-java:17" ]]; then
    echo "build-image: the base image $base is missing" >&2
    exit 1
  fi
  SPARKCONNECT_BASE_IMAGE="$base" bash "$repo/test-kit/containers/docker/build-base-image.sh" >&2
fi

start=$SECONDS
# The archive is the build context; the Dockerfile comes from here. --pull=false: the base image is local.
docker build --pull=false -q -f "$here/Dockerfile" --build-arg "BASE_IMAGE=$base" --build-arg "VERSION=$version" \
  -t "$image" "$dist" >&2
echo "build-image: built $image from $base and $dist in $((SECONDS - start)) s" >&2
echo "$image"

#!/usr/bin/env bash
# Creates benchmarks/pyspark/.venv with the pinned PySpark Connect client (requirements.txt) for bench.py.
# Does nothing when the environment already holds these requirements. PYTHON picks the interpreter (3.11+).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
requirements="$here/requirements.txt"
stamp="$venv/.requirements.sha256"
python="${PYTHON:-python3}"

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "PySpark environment is up to date: $venv"
  exit 0
fi

if ! command -v "$python" >/dev/null; then
  echo "error: $python is not installed; install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: $("$python" --version 2>&1) is too old; bench.py and pyspark-client need Python 3.11 or newer" >&2
  exit 1
fi
if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "Python's venv module is missing; installing the Debian package python3-venv"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
  else
    echo "error: Python's venv module is missing; install the Debian package python3-venv" \
      "(sudo apt-get install python3-venv) and rerun $0" >&2
    exit 1
  fi
fi

if [[ ! -x "$venv/bin/python" ]]; then
  echo "Creating $venv with $("$python" --version 2>&1)"
  "$python" -m venv "$venv"
fi
rm -f "$stamp"
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$requirements"
"$venv/bin/python" -c 'import pyarrow, pandas; from pyspark.sql.connect.session import SparkSession'
echo "$want" > "$stamp"
echo "PySpark environment ready: $venv ($("$venv/bin/python" -m pip show pyspark-client | grep '^Version'))"

#!/usr/bin/env bash
# Issue 13 benchmark: `ascli node browse /big` at 100 000 and 1 000 000 entries against a loopback server of
# pre-encoded pages, every format: wall time as a ratio to a bare http.client+json.loads client in the same run,
# and each process's peak RSS (wait4). Builds nothing: run ./build.sh first (dist/ascli).
#   benchmarks/streaming.sh [--sizes 100000,1000000] [--formats json,table] [--runs 3]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x dist/ascli ] || { echo "ERROR: dist/ascli is missing: run ./build.sh first" >&2; exit 1; }
exec python3 benchmarks/Streaming/browse_bench.py --bin "$PWD/dist/ascli" "$@"

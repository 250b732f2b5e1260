#!/usr/bin/env bash
# Whole-process start-up of dist/ascli against the floor (a minimal Native AOT console app):
# medians with hyperfine, ratios to the floor, peak RSS, binary size. Run ./build.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }
[ -x dist/ascli ] || { echo "dist/ascli is missing: run ./build.sh" >&2; exit 1; }
extra=""
command -v clang >/dev/null || extra="-p:CppCompilerAndLinker=$(ls /usr/bin/clang-[0-9]* | sort -V | tail -n1)"
# shellcheck disable=SC2086
dotnet publish benchmarks/Floor -c Release -r linux-x64 -o dist/.bench/floor $extra -nologo -v q >/dev/null
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
export HOME=$home
dist/ascli config echo init >/dev/null
json=$(mktemp)
hyperfine -N --warmup 20 --runs "${RUNS:-200}" --export-json "$json" \
  -n floor "dist/.bench/floor/floor" \
  -n "ascli -v" "dist/ascli -v" \
  -n "ascli config echo hello" "dist/ascli config echo hello" >/dev/null
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n1; }
python3 - "$json" "$(rss dist/.bench/floor/floor)" "$(rss dist/ascli -v)" "$(rss dist/ascli config echo hello)" "$(stat -c %s dist/ascli)" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
floor = r["floor"]["median"]
rss = dict(zip(["floor", "ascli -v", "ascli config echo hello"], sys.argv[2:5]))
print(f"{'command':<26}{'median ms':>10}{'x floor':>9}{'peak RSS MiB':>14}")
for name, x in r.items():
    print(f"{name:<26}{x['median']*1000:>10.2f}{x['median']/floor:>9.2f}{int(rss[name])/1024:>14.1f}")
print(f"dist/ascli size: {int(sys.argv[5])/1e6:.1f} MB")
PY
rm -f "$json"

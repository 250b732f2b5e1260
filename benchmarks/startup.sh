#!/usr/bin/env bash
# Whole-process start-up of dist/ascli against the floor (a minimal Native AOT console app with the .NET
# defaults): hyperfine medians in one run, ratios to the floor, minor page faults (median of 5 runs, wait4),
# peak RSS (GNU time: a child of python would report python's), binary size and its breakdown by assembly.
# Run ./build.sh first; needs hyperfine and time (apt-get install hyperfine time).
# RUNS=200 by default; the ratios are only comparable within one run on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }
[ -x dist/ascli ] || { echo "dist/ascli is missing: run ./build.sh" >&2; exit 1; }
extra=""
command -v clang >/dev/null || extra="-p:CppCompilerAndLinker=$(ls /usr/bin/clang-[0-9]* | sort -V | tail -n1)"
rid=linux-x64; case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; esac
# shellcheck disable=SC2086
dotnet publish benchmarks/Floor -c Release -r "$rid" -o dist/.bench/floor $extra -nologo -v q >/dev/null
home=$(mktemp -d); json=$(mktemp); trap 'rm -rf "$home" "$json"' EXIT
export HOME=$home
dist/ascli config echo init >/dev/null
hyperfine -N --warmup 20 --runs "${RUNS:-200}" --export-json "$json" \
  -n floor "dist/.bench/floor/floor" \
  -n "ascli -v" "dist/ascli -v" \
  -n "ascli config echo hello" "dist/ascli config echo hello" \
  -n "ascli --bash-comp -- config preset" "dist/ascli --bash-comp -- config preset" >/dev/null
python3 - "$json" <<'PY'
import json, os, statistics, subprocess, sys
commands = {
    "floor": ["dist/.bench/floor/floor"],
    "ascli -v": ["dist/ascli", "-v"],
    "ascli config echo hello": ["dist/ascli", "config", "echo", "hello"],
    "ascli --bash-comp -- config preset": ["dist/ascli", "--bash-comp", "--", "config", "preset"],
}
def usage(argv):
    with open(os.devnull, "wb") as null:
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null.fileno(), 1)])
    return os.wait4(pid, 0)[2]
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
floor = r["floor"]["median"]
print(f"{'command':<36}{'median ms':>10}{'x floor':>9}{'faults':>8}{'peak RSS MiB':>14}")
for name, argv in commands.items():
    runs = [usage(argv) for _ in range(5)]
    faults = statistics.median(u.ru_minflt for u in runs)
    rss = statistics.median(int(subprocess.run(["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True).stderr.split()[-1])
                            for _ in range(5)) / 1024
    x = r[name]
    print(f"{name:<36}{x['median']*1000:>10.2f}{x['median']/floor:>9.2f}{faults:>8.0f}{rss:>14.1f}")
print(f"dist/ascli size: {os.path.getsize('dist/ascli')/1e6:.1f} MB")
PY
if [ -e src/AsperaNative.Cli/obj/Release/net10.0/$rid/native/ascli.map.xml ]; then
  python3 benchmarks/size-by-assembly.py "src/AsperaNative.Cli/obj/Release/net10.0/$rid/native" dist/ascli | head -n 25
fi

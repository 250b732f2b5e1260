#!/usr/bin/env bash
# Writes packaging/native/ascli.startup-order, the methods that start-up runs, for IlcOrderFile (the Cli project):
# the code of short commands is then packed in a few pages instead of being spread over the whole executable,
# which lowers page faults and resident memory. Runs the last build (bin/.../native/ascli and its ascli.dbg) under
# valgrind's callgrind for a few typical short commands and maps the functions entered to their symbols.
# Methods missing from the list (new code) only lose the packing; re-run after large changes, then rebuild.
# Needs valgrind and binutils (apt-get install valgrind binutils).
set -euo pipefail
cd "$(dirname "$0")/.."
rid=linux-x64; case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; esac
native=src/AsperaNative.Cli/bin/Release/net10.0/$rid/native
[ -x "$native/ascli" ] && [ -f "$native/ascli.dbg" ] || { echo "ERROR: $native/ascli(.dbg) missing: run ./build.sh first" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$native/ascli" "$work/ascli"
# valgrind does not read compressed debug sections
objcopy --decompress-debug-sections "$native/ascli.dbg" "$work/ascli.dbg"
export HOME=$work/home; mkdir -p "$HOME"
"$work/ascli" config echo init >/dev/null
n=0
while IFS= read -r line; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$n.out" "$work/ascli" $line >/dev/null 2>&1 || true
done <<'COMMANDS'
-v
config echo hello
--bash-comp -- config preset
config preset list
config echo @json:{"a":1} --format=json
COMMANDS
nm --defined-only "$work/ascli.dbg" | awk '$2 ~ /^[tT]$/ {print $1, $3}' > "$work/symbols"
python3 - "$work" > packaging/native/ascli.startup-order <<'PY'
import bisect, glob, re, sys
work = sys.argv[1]
symbols = sorted((int(a, 16), n) for a, n in (l.split(None, 1) for l in open(f"{work}/symbols")))
starts = [a for a, _ in symbols]
seen, order = set(), []
for path in sorted(glob.glob(f"{work}/cg.*.out")):
    for line in open(path):
        m = re.match(r"^c?fn=\(\d+\)\s*0x([0-9a-f]+)", line)
        if not m: continue
        i = bisect.bisect_right(starts, int(m.group(1), 16)) - 1
        if i < 0: continue
        name = symbols[i][1].strip()
        # managed methods only: the runtime's native code is linked by the C linker, not laid out by ILC
        if name in seen or name.startswith(("SystemNative_", "Rh", "WKS::", "_", "GC", "PAL", "Pal", "minipal", "libunwind")): continue
        seen.add(name); order.append(name)
print("\n".join(order))
PY
echo "packaging/native/ascli.startup-order: $(wc -l < packaging/native/ascli.startup-order) methods"

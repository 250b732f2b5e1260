#!/bin/sh
# Installs dist/ascli and dist/asession into a folder of PATH (default /usr/local/bin).
# Usage: packaging/install.sh [destination folder]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-/usr/local/bin}
for exe in ascli asession; do
  [ -x "$here/dist/$exe" ] || { echo "ERROR: $here/dist/$exe is missing: run ./build.sh" >&2; exit 1; }
  install -m 0755 "$here/dist/$exe" "$dest/$exe"
done
(cd "$here/dist" && sha256sum ascli asession) > "$dest/ascli.sha256"
echo "installed ascli and asession in $dest"

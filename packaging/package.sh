#!/usr/bin/env bash
# AsperaNative: makes one release tarball, ascli-<version>-<platform>.tar.gz, from built executables.
# The tarball holds one folder: ascli, asession, install.sh, completion/ (bash, zsh, fish), README.md, RELEASE
# (version, architecture, OpenSSL, glibc floor) and SHA256SUMS of all of them, which install.sh verifies.
# Usage: packaging/package.sh OUT-DIR PLATFORM ARCH OPENSSL ASCLI ASESSION COMPLETION-DIR
#   PLATFORM e.g. linux-x64-openssl; ARCH x64|arm64; OPENSSL system|static
set -euo pipefail
out=$1 platform=$2 arch=$3 openssl=$4 ascli=$5 asession=$6 completion=$7
here=$(cd "$(dirname "$0")" && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$here/../Directory.Build.props")
name=ascli-$version-$platform
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
d=$stage/$name
mkdir -p "$d/completion"
install -m 0755 "$ascli" "$d/ascli"
install -m 0755 "$asession" "$d/asession"
install -m 0755 "$here/install.sh" "$d/install.sh"
install -m 0644 "$completion/ascli.bash" "$completion/_ascli" "$completion/ascli.fish" "$d/completion/"
install -m 0644 "$here/../README.md" "$d/README.md"
printf 'version=%s\nplatform=%s\narch=%s\nopenssl=%s\nglibc=2.17\n' "$version" "$platform" "$arch" "$openssl" > "$d/RELEASE"
(cd "$d" && sha256sum ascli asession install.sh RELEASE README.md completion/ascli.bash completion/_ascli completion/ascli.fish > SHA256SUMS)
# reproducible archive: fixed order, owner and time (the commit's)
mtime=$(git -C "$here/.." log -1 --format=%ct 2>/dev/null || echo 0)
mkdir -p "$out"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$stage" -cf - "$name" | gzip -n -9 > "$out/$name.tar.gz"
echo "$out/$name.tar.gz"

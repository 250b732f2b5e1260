#!/bin/sh
# AsperaNative: installs ascli and asession from a release tarball, with no network and no .NET.
#
#   tar xzf ascli-4.21.1-linux-x64.tar.gz && ascli-4.21.1-linux-x64/install.sh
#   install.sh [--prefix DIR] [--no-completion] [TARBALL]
#
# Run from the unpacked folder, or give the tarball (its SHA256SUMS line is checked when the release's
# SHA256SUMS file lies beside it). Every file is checked against the folder's SHA256SUMS before anything is
# copied. Default prefix: /usr/local as root, ~/.local otherwise; executables go to PREFIX/bin, completion
# scripts to the folders bash-completion, zsh and fish search (user folders for ~/.local).
set -eu

prefix= completion=yes tarball=
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --no-completion) completion=no; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "ERROR: unknown option $1 (see --help)" >&2; exit 1 ;;
    *) tarball=$1; shift ;;
  esac
done

fail() { echo "ERROR: $*" >&2; exit 1; }
sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$@"
  else fail "sha256sum (coreutils) or shasum is needed to verify the files"; fi
}
verify() { # verify SUMS-FILE in the current folder: every listed file must match
  awk '{print $2}' "$1" | sed 's/^\*//' | while read -r f; do
    [ -e "$f" ] || fail "$f listed in $1 is missing"
    want=$(awk -v f="$f" '{g=$2; sub(/^\*/, "", g)} g == f {print $1}' "$1")
    have=$(sha256 "$f" | awk '{print $1}')
    [ "$want" = "$have" ] || fail "checksum mismatch for $f: the download is damaged or was changed"
  done
}

here=$(cd "$(dirname "$0")" && pwd)
work=
cleanup() { [ -z "$work" ] || rm -rf "$work"; }
trap cleanup EXIT
if [ -n "$tarball" ]; then
  [ -f "$tarball" ] || fail "$tarball: no such file"
  dir=$(cd "$(dirname "$tarball")" && pwd) name=$(basename "$tarball")
  if [ -f "$dir/SHA256SUMS" ] && grep -q " \*\{0,1\}$name\$" "$dir/SHA256SUMS"; then
    (cd "$dir" && grep " \*\{0,1\}$name\$" SHA256SUMS > "${TMPDIR:-/tmp}/ascli-install-sum.$$" && verify "${TMPDIR:-/tmp}/ascli-install-sum.$$") \
      || { rm -f "${TMPDIR:-/tmp}/ascli-install-sum.$$"; exit 1; }
    rm -f "${TMPDIR:-/tmp}/ascli-install-sum.$$"
    echo "verified $name against SHA256SUMS"
  fi
  work=$(mktemp -d)
  tar -xzf "$tarball" -C "$work"
  here=$(find "$work" -mindepth 2 -maxdepth 2 -name SHA256SUMS -exec dirname {} \; | head -n1)
  [ -n "$here" ] || fail "$tarball is not an ascli release tarball (no SHA256SUMS inside)"
fi
[ -f "$here/SHA256SUMS" ] && [ -f "$here/ascli" ] || fail "$here is not an unpacked ascli release (ascli, SHA256SUMS)"
(cd "$here" && verify SHA256SUMS)

# the package's architecture must be this machine's
arch=$(sed -n 's/^arch=//p' "$here/RELEASE" 2>/dev/null || true)
case "$(uname -m)" in x86_64|amd64) machine=x64 ;; aarch64|arm64) machine=arm64 ;; *) machine=$(uname -m) ;; esac
[ -z "$arch" ] || [ "$arch" = "$machine" ] || fail "this package is for linux-$arch, this machine is $(uname -m): take the linux-$machine tarball"

if [ -z "$prefix" ]; then
  if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix=$HOME/.local; fi
fi
bin=$prefix/bin
mkdir -p "$bin"
for exe in ascli asession; do
  [ -f "$here/$exe" ] || continue
  cp "$here/$exe" "$bin/.$exe.new" && chmod 0755 "$bin/.$exe.new" && mv -f "$bin/.$exe.new" "$bin/$exe"
done
echo "installed $(cd "$here" && ls ascli asession 2>/dev/null | tr '\n' ' ')in $bin"

if [ "$completion" = yes ] && [ -d "$here/completion" ]; then
  if [ "$prefix" = "$HOME/.local" ]; then
    bash_dir=${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions
    zsh_dir=${XDG_DATA_HOME:-$HOME/.local/share}/zsh/site-functions
    fish_dir=${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions
  else
    bash_dir=$prefix/share/bash-completion/completions
    zsh_dir=$prefix/share/zsh/site-functions
    fish_dir=$prefix/share/fish/vendor_completions.d
  fi
  mkdir -p "$bash_dir" "$zsh_dir" "$fish_dir"
  cp "$here/completion/ascli.bash" "$bash_dir/ascli"
  cp "$here/completion/_ascli" "$zsh_dir/_ascli"
  cp "$here/completion/ascli.fish" "$fish_dir/ascli.fish"
  echo "completion: $bash_dir/ascli, $zsh_dir/_ascli, $fish_dir/ascli.fish"
  case $zsh_dir in "$HOME"/*) echo "  zsh: add 'fpath=($zsh_dir \$fpath)' before compinit in ~/.zshrc" ;; esac
fi

# the executable must run here; tell what is missing rather than leave a broken install
if ! "$bin/ascli" -v >/dev/null 2>&1; then
  fail "$bin/ascli does not run on this machine: $("$bin/ascli" -v 2>&1 | head -n1)"
fi
if [ "$(sed -n 's/^openssl=//p' "$here/RELEASE" 2>/dev/null)" = system ]; then
  found=
  for d in /lib64 /usr/lib64 /lib /usr/lib /lib/*-linux-gnu /usr/lib/*-linux-gnu /usr/local/lib; do
    for so in libssl.so.3 libssl.so.1.1; do [ -e "$d/$so" ] && found=$d/$so; done
  done
  [ -n "$found" ] || echo "WARNING: no OpenSSL 1.1.1 or 3 found (HTTPS needs it): take the linux-$machine-openssl tarball, which has OpenSSL inside"
fi
case ":$PATH:" in *":$bin:"*) ;; *) echo "add $bin to PATH: export PATH=\"$bin:\$PATH\"" ;; esac
echo "ascli $("$bin/ascli" -v) is ready"

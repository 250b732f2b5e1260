#!/usr/bin/env bash
# AsperaNative: builds the root folder of a FROM scratch image from the executables themselves (no hand list).
# It holds exactly what they need to run: the program interpreter and the closure of their DT_NEEDED libraries
# (libc, libm, the pre-2.34 split libpthread/libdl/librt of the glibc 2.17 floor), the libssl the executable
# dlopens (the first of the libssl.so.* names it carries that this machine has) with its own closure, the CA
# certificates and OPENSSLDIR links of that OpenSSL, /etc/passwd and /etc/group with an unprivileged user
# ascli (65534), a writable /home/ascli and /tmp. packaging/Containerfile turns the folder into an image.
# Usage: packaging/scratch-root.sh [--ca-bundle FILE] [--sysroot DIR] ROOT EXECUTABLE...
#   --ca-bundle  PEM bundle to install (default: this machine's, or $SSL_CERT_FILE)
#   --sysroot    where to find libraries of the executables' architecture (default: / ; /usr/aarch64-linux-gnu
#                for arm64 executables built on x64)
set -euo pipefail
ca_bundle=${SSL_CERT_FILE:-} sysroot=
while [ $# -gt 0 ]; do
  case $1 in
    --ca-bundle) ca_bundle=$2; shift 2 ;;
    --sysroot) sysroot=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || { echo "usage: $0 [--ca-bundle FILE] [--sysroot DIR] ROOT EXECUTABLE..." >&2; exit 2; }
root=$1; shift
mkdir -p "$root"
root=$(cd "$root" && pwd)

machine=$(readelf -h "$1" | sed -n 's/^ *Machine: *//p')
case $machine in
  *X86-64*) triple=x86_64-linux-gnu ;;
  *AArch64*) triple=aarch64-linux-gnu; [ -n "$sysroot" ] || [ "$(uname -m)" = aarch64 ] || sysroot=/usr/aarch64-linux-gnu ;;
  *) echo "ERROR: $1: unsupported machine $machine" >&2; exit 1 ;;
esac
# library folders, as the loader of this architecture searches them
dirs=()
if [ -n "$sysroot" ] && [ "$sysroot" != / ]; then dirs+=("$sysroot/lib" "$sysroot/lib64" "$sysroot/usr/lib")
else dirs+=("/lib/$triple" "/usr/lib/$triple" /lib64 /usr/lib64 /lib /usr/lib); fi

find_lib() {
  local d
  for d in "${dirs[@]}"; do [ -e "$d/$1" ] && { echo "$d/$1"; return; }; done
  return 1
}
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

declare -A copied=()
# copies a library into /lib/<triple> of the root (a trusted folder of the loader) with the libraries it needs
add_lib() {
  local name=$1 path dep
  [ -z "${copied[$name]:-}" ] || return 0
  path=$(find_lib "$name") || { echo "ERROR: $name (needed by the executables) not found in ${dirs[*]}" >&2; exit 1; }
  copied[$name]=1
  mkdir -p "$root/lib/$triple"
  cp -L "$path" "$root/lib/$triple/$name"
  for dep in $(needed "$path"); do add_lib "$dep"; done
}

openssldir=
for exe in "$@"; do
  mkdir -p "$root/usr/local/bin"
  cp -L "$exe" "$root/usr/local/bin/"
  interp=$(readelf -l "$exe" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
  if [ -n "$interp" ] && [ ! -e "$root$interp" ]; then
    src=$interp; [ -z "$sysroot" ] || [ "$sysroot" = / ] || src=$(find_lib "$(basename "$interp")")
    mkdir -p "$root$(dirname "$interp")"
    cp -L "$src" "$root$interp"
  fi
  # the interpreter also answers for its own soname (libc needs it): no second copy
  [ -z "$interp" ] || copied[$(basename "$interp")]=1
  for lib in $(needed "$exe"); do add_lib "$lib"; done
  # OpenSSL is dlopened by name (.NET tries the names in this order); none when it is linked in
  for ssl in $(grep -a -o 'libssl\.so\.[0-9][0-9.]*' "$exe" | awk '!seen[$0]++'); do
    if find_lib "$ssl" >/dev/null; then
      add_lib "$ssl"
      crypto=$(needed "$(find_lib "$ssl")" | grep '^libcrypto' || true)
      openssldir=$(grep -a -o 'OPENSSLDIR: "[^"]*"' "$(find_lib "${crypto:-$ssl}")" | head -n1 | sed 's/.*"\(.*\)"/\1/')
      break
    fi
  done
  [ -n "$openssldir" ] || openssldir=$(grep -a -o 'OPENSSLDIR: "[^"]*"' "$exe" | head -n1 | sed 's/.*"\(.*\)"/\1/' || true)
done

# CA certificates where Debian keeps them, and the default locations of the OpenSSL in use pointing there
if [ -z "$ca_bundle" ]; then
  for f in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt /etc/ssl/cert.pem; do
    [ -e "$f" ] && { ca_bundle=$f; break; }
  done
fi
[ -n "$ca_bundle" ] && [ -e "$ca_bundle" ] || { echo "ERROR: no CA bundle found: give --ca-bundle FILE" >&2; exit 1; }
mkdir -p "$root/etc/ssl/certs"
cp -L "$ca_bundle" "$root/etc/ssl/certs/ca-certificates.crt"
if [ -n "$openssldir" ] && [ "$openssldir" != /etc/ssl ]; then
  mkdir -p "$root$openssldir"
  ln -sfn /etc/ssl/certs "$root$openssldir/certs"
  ln -sfn /etc/ssl/certs/ca-certificates.crt "$root$openssldir/cert.pem"
fi
[ "$openssldir" != /etc/ssl ] || ln -sfn /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/cert.pem"

# an unprivileged user with a writable home, and /tmp
mkdir -p "$root/etc" "$root/tmp" "$root/home/ascli"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nascli:x:65534:65534:ascli:/home/ascli:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nascli:x:65534:\n' > "$root/etc/group"
if [ "$(id -u)" = 0 ]; then chown 65534:65534 "$root/home/ascli"; else chmod 0777 "$root/home/ascli"; fi
echo "scratch root $root: $(cd "$root" && find . -type f | sort | tr '\n' ' ')"

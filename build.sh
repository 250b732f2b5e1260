#!/usr/bin/env bash
# ./build.sh          check the solution lists every project, Native AOT publish dist/ascli and dist/asession,
#                     check their glibc 2.17 floor,
#                     smoke-run dist/ascli -v
# ./build.sh test     the above, then the start-up guard and every test project; ends with one line
#                     "N passed, N failed, N skipped"
# ./build.sh pie      as ./build.sh, with the default .NET layout (position-independent, dehydrated) instead of
#                     the non-PIE one: for those who want the executable image randomised (README, Security)
# ./build.sh release  dist/release/: tarballs for linux-x64 (system OpenSSL), linux-x64-openssl (OpenSSL
#                     inside) and linux-arm64 (cross-compiled, smoke-tested under qemu-aarch64), SHA256SUMS,
#                     completion scripts, and a FROM scratch image recipe (dist/release/scratch-linux-x64)
# ./build.sh check    only the solution check
# ./build.sh jit      development loop: a JIT build of ascli and asession with wrappers dist/jit/ascli and
#                     dist/jit/asession (seconds instead of an AOT publish), for the compat runners and
#                     the end-to-end tests (ASPERANATIVE_BINARY=dist/jit/ascli); never a release
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rid=linux-x64
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; esac

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing $*"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "ERROR: this step needs: sudo apt-get install $*" >&2; exit 1
  fi
}

# Native AOT links with clang (or gcc) and needs zlib's headers: install them on a bare Debian
ensure_native_toolchain() {
  if { command -v clang >/dev/null || ls /usr/bin/clang-[0-9]* >/dev/null 2>&1; } && [ -e /usr/include/zlib.h ]; then return; fi
  apt_install clang zlib1g-dev
}

clang_path() {
  if command -v clang >/dev/null; then command -v clang; return; fi
  ls /usr/bin/clang-[0-9]* 2>/dev/null | sort -V | tail -n1
}

linker_args() {
  if command -v clang >/dev/null; then return; fi
  local c; c=$(clang_path)
  [ -n "$c" ] && echo "-p:CppCompilerAndLinker=$c"
}

# AsperaNative.sln must list every project (IDEs and `dotnet build AsperaNative.sln` see only those):
# each one missing, or listed but gone, is named with the command that fixes it
check_solution() {
  local sln=AsperaNative.sln status=0 project listed
  listed=$(grep -oE '"[^"]+\.csproj"' "$sln" | tr -d '"' | tr '\\' '/' | sort)
  while IFS= read -r project; do
    if ! grep -qxF "$project" <<<"$listed"; then
      echo "ERROR: $sln does not list $project; add it with: dotnet sln $sln add $project" >&2
      status=1
    fi
  done < <(find src plugins tests generators benchmarks -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
  while IFS= read -r project; do
    if [ -n "$project" ] && [ ! -f "$project" ]; then
      echo "ERROR: $sln lists $project, which does not exist; remove it with: dotnet sln $sln remove $project" >&2
      status=1
    fi
  done <<<"$listed"
  return $status
}

# publish_project PROJECT OUTPUT [msbuild arguments...]
publish_project() {
  local project=$1 out=$2; shift 2
  local extra; extra=$(linker_args)
  # shellcheck disable=SC2086
  dotnet publish "$project" -c Release -o "$out" $extra "$@" -nologo -clp:NoSummary \
    | { grep -E 'warning|error' || true; }
  [ "${PIPESTATUS[0]}" = 0 ] || { echo "ERROR: publish of $project failed" >&2; exit 1; }
}

# the executables of every Linux build bind glibc at 2.17 at most (packaging/native): verified, not assumed
check_glibc_floor() {
  local exe
  for exe in "$@"; do python3 packaging/check-glibc-abi.py "$exe" || { echo "ERROR: $exe fails the glibc 2.17 ABI check" >&2; exit 1; }; done
}

publish() {
  ensure_native_toolchain
  mkdir -p dist
  for project in src/AsperaNative.Cli src/AsperaNative.Asession; do
    publish_project "$project" "dist/.publish/$(basename "$project")" -r "$rid" "$@"
  done
  cp dist/.publish/AsperaNative.Cli/ascli dist/ascli
  cp dist/.publish/AsperaNative.Asession/asession dist/asession
  check_glibc_floor dist/ascli dist/asession
  dist/ascli -v
}

# the floor of the start-up benchmarks and guard: a minimal Native AOT app with the .NET defaults
publish_floor() {
  publish_project benchmarks/Floor dist/.bench/floor -r "$rid" >/dev/null
}

# start-up guard: minor page faults of dist/ascli against the floor (benchmarks/startup-guard.py);
# counted as one test in the closing line
guard_passed=0 guard_failed=0
startup_guard() {
  publish_floor
  if python3 benchmarks/startup-guard.py dist/ascli dist/.bench/floor/floor; then guard_passed=1; else guard_failed=1; fi
}

run_tests() {
  local passed=$guard_passed failed=$guard_failed skipped=0 status=0 log
  [ "$guard_failed" = 0 ] || status=1
  log=$(mktemp)
  for project in tests/*/*.Tests.csproj; do
    echo "== $project"
    if ! dotnet test "$project" -c Release -nologo 2>&1 | tee "$log" | grep -E '^(Passed!|Failed!)|error|\[FAIL\]'; then :; fi
    local line; line=$(grep -E '(Passed|Failed)! +- Failed: ' "$log" | tail -n1 || true)
    if [ -z "$line" ]; then echo "ERROR: $project did not run"; tail -n 30 "$log"; failed=$((failed + 1)); status=1; continue; fi
    local f p s
    f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$f" = 0 ] || status=1
  done
  rm -f "$log"
  echo "$passed passed, $failed failed, $skipped skipped"
  return $status
}

# cross toolchain of linux-arm64 (Debian's arm64 cross sysroot, binutils) and qemu-user for its smoke test
ensure_arm64_toolchain() {
  local need=()
  [ -e /usr/aarch64-linux-gnu/lib/crt1.o ] || need+=(libc6-dev-arm64-cross)
  ls /usr/lib/gcc-cross/aarch64-linux-gnu/*/crtbegin.o >/dev/null 2>&1 || need+=(libgcc-12-dev-arm64-cross)
  command -v aarch64-linux-gnu-ld >/dev/null || need+=(binutils-aarch64-linux-gnu)
  command -v qemu-aarch64 >/dev/null || need+=(qemu-user)
  [ ${#need[@]} = 0 ] || apt_install "${need[@]}"
}

# smoke test of a release executable: version, a local command, a preset written in a fresh home
smoke() {
  local home; home=$(mktemp -d)
  HOME=$home "$@" -v >/dev/null && HOME=$home "$@" config echo hello >/dev/null \
    && HOME=$home "$@" config preset update smoke --url=https://127.0.0.1 >/dev/null \
    && grep -q 'smoke:' "$home/.aspera/ascli/config.yaml" \
    || { rm -rf "$home"; echo "ERROR: smoke test of $* failed" >&2; exit 1; }
  rm -rf "$home"
  echo "smoke test passed: $*"
}

release() {
  local out=dist/release pub=dist/.publish cc
  rm -rf "$out"; mkdir -p "$out/completion"
  # completion scripts (the same for every platform)
  local home; home=$(mktemp -d)
  for shell in bash zsh fish; do HOME=$home dist/ascli --completion=$shell > "$out/completion/$shell"; done
  rm -rf "$home"
  mv "$out/completion/bash" "$out/completion/ascli.bash"; mv "$out/completion/zsh" "$out/completion/_ascli"; mv "$out/completion/fish" "$out/completion/ascli.fish"

  # linux-x64: the executables of ./build.sh (system OpenSSL 1.1.1 or 3, dlopened)
  smoke dist/ascli
  packaging/package.sh "$out" linux-x64 x64 system dist/ascli dist/asession "$out/completion"

  # linux-x64-openssl: OpenSSL 3 linked in (built from the runtime's sources with cmake and libssl-dev), for systems without OpenSSL 1.1.1+ (RHEL/CentOS 7) or without any;
  # its own intermediate folder, so that it does not undo the incremental state of ./build.sh
  { command -v cmake >/dev/null && [ -e /usr/include/openssl/ssl.h ]; } || apt_install cmake libssl-dev
  publish_project src/AsperaNative.Cli "$pub/openssl-x64" -r linux-x64 -p:AsperaStaticOpenSsl=true \
    "-p:NativeIntermediateOutputPath=$PWD/src/AsperaNative.Cli/obj/Release/net10.0/linux-x64/native-openssl/"
  check_glibc_floor "$pub/openssl-x64/ascli"
  smoke "$pub/openssl-x64/ascli"
  packaging/package.sh "$out" linux-x64-openssl x64 static "$pub/openssl-x64/ascli" dist/asession "$out/completion"

  # linux-arm64: cross-compiled with clang, run under qemu-aarch64
  ensure_arm64_toolchain
  for project in src/AsperaNative.Cli src/AsperaNative.Asession; do
    publish_project "$project" "$pub/arm64-$(basename "$project")" -r linux-arm64
  done
  local a_ascli=$pub/arm64-AsperaNative.Cli/ascli a_asession=$pub/arm64-AsperaNative.Asession/asession
  check_glibc_floor "$a_ascli" "$a_asession"
  smoke qemu-aarch64 -L /usr/aarch64-linux-gnu "$a_ascli"
  packaging/package.sh "$out" linux-arm64 arm64 system "$a_ascli" "$a_asession" "$out/completion"

  # FROM scratch image recipe: a root folder derived from the x64 executables, and its Containerfile
  packaging/scratch-root.sh "$out/scratch-linux-x64/root" dist/ascli dist/asession >/dev/null
  cp packaging/Containerfile "$out/scratch-linux-x64/Containerfile"

  (cd "$out" && sha256sum ./*.tar.gz | sed 's: \./: :' > SHA256SUMS)
  rm -rf "$out/completion"
  echo "release in $out:"; (cd "$out" && ls -l ./*.tar.gz SHA256SUMS | awk '{print "  " $5 "  " $9}')
}

# a JIT build with wrapper scripts: same code, no native compilation
jit() {
  local project name
  mkdir -p dist/jit
  for project in src/AsperaNative.Cli src/AsperaNative.Asession; do
    dotnet build "$project" -c Release -nologo -clp:NoSummary | { grep -E ' error |warning CS' || true; }
    [ "${PIPESTATUS[0]}" = 0 ] || { echo "ERROR: build of $project failed" >&2; exit 1; }
  done
  for name in ascli asession; do
    local dll; dll=$(ls "$PWD"/src/AsperaNative.*/bin/Release/net10.0/$name.dll | head -n1)
    printf '#!/bin/sh\nexec dotnet "%s" "$@"\n' "$dll" > "dist/jit/$name"
    chmod +x "dist/jit/$name"
  done
  dist/jit/ascli -v
}

case "${1:-build}" in
  build) check_solution; publish ;;
  pie) check_solution; publish -p:AsperaPie=true ;;
  test) check_solution; publish; startup_guard; run_tests ;;
  release) check_solution; publish; release ;;
  check) check_solution ;;
  jit) jit ;;
  *) echo "usage: ./build.sh [test|pie|release|check|jit]" >&2; exit 2 ;;
esac

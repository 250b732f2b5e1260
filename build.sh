#!/usr/bin/env bash
# ./build.sh        check the solution lists every project, Native AOT publish dist/ascli and dist/asession, smoke-run dist/ascli -v
# ./build.sh test   the above, then every test project; ends with one line "N passed, N failed"
# ./build.sh check  only the solution check
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rid=linux-x64
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; esac

# Native AOT links with clang (or gcc) and needs zlib's headers: install them on a bare Debian
ensure_native_toolchain() {
  if { command -v clang >/dev/null || ls /usr/bin/clang-[0-9]* >/dev/null 2>&1; } && [ -e /usr/include/zlib.h ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing the native linker (clang, zlib1g-dev) for Native AOT"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
  else
    echo "ERROR: Native AOT needs clang and zlib1g-dev: sudo apt-get install clang zlib1g-dev" >&2; exit 1
  fi
}

linker_args() {
  if command -v clang >/dev/null; then return; fi
  local c; c=$(ls /usr/bin/clang-[0-9]* 2>/dev/null | sort -V | tail -n1)
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

publish() {
  ensure_native_toolchain
  mkdir -p dist
  local extra; extra=$(linker_args)
  for project in src/AsperaNative.Cli src/AsperaNative.Asession; do
    # shellcheck disable=SC2086
    dotnet publish "$project" -c Release -r "$rid" -o "dist/.publish/$(basename "$project")" $extra -nologo -clp:NoSummary \
      | { grep -E 'warning|error' || true; }
    [ "${PIPESTATUS[0]}" = 0 ] || { echo "ERROR: publish of $project failed" >&2; exit 1; }
  done
  cp dist/.publish/AsperaNative.Cli/ascli dist/ascli
  cp dist/.publish/AsperaNative.Asession/asession dist/asession
  dist/ascli -v
}

run_tests() {
  local passed=0 failed=0 skipped=0 status=0 log
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

case "${1:-build}" in
  build) check_solution; publish ;;
  test) check_solution; publish; run_tests ;;
  check) check_solution ;;
  *) echo "usage: ./build.sh [test|check]" >&2; exit 2 ;;
esac

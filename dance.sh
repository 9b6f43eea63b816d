#!/usr/bin/env bash
# DanceAspire's two commands:
#   ./dance.sh up     install what is missing, build, and run the whole system until Ctrl+C
#   ./dance.sh test   install what is missing, build, and run every test
# Extra: ./dance.sh up --fresh  deletes the local state (.dance/: databases, blobs, logs, secrets) first.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NEXT_TELEMETRY_DISABLED=1

apt_packages=(postgresql redis-server ffmpeg chromium)

started=$SECONDS
say() { printf '\033[1m==> [%ss] %s\033[0m\n' "$((SECONDS - started))" "$*"; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

ensure_apt() {
  local missing=()
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if ((${#missing[@]})); then
    say "Installing ${missing[*]}"
    as_root apt-get update -qq
    # Debian's package scripts would start their own servers; the AppHost runs private ones instead.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# npm ci when node_modules is missing or older than the lock file.
ensure_npm() {
  local dir=$1
  if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    say "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# next build when there is no build or a source file is newer than it.
ensure_web_build() {
  local stamp=web/.next/BUILD_ID
  if [[ ! -f $stamp ]] || [[ -n $(find web -path web/node_modules -prune -o -path web/.next -prune -o -type f -newer "$stamp" -print -quit) ]]; then
    say "Building the web app"
    (cd web && npm run build --silent)
  fi
}

build_dotnet() {
  say "Building the .NET solution"
  dotnet build DanceAspire.sln -c Debug --nologo -v quiet -clp:ErrorsOnly
}

# The pose models: converted from their TensorFlow.js originals by our own converter, only when missing or stale.
prepare_models() {
  say "Preparing the pose models"
  bash models/prepare.sh
}

prepare() {
  ensure_apt
  ensure_npm hosting
  ensure_npm compat
  ensure_npm web
  ensure_web_build
  prepare_models
  build_dotnet
}

run_tests() {
  local log passed=0 failed=0 status=0
  log=$(mktemp)
  say "Running the .NET tests"
  # One test assembly at a time: the integration assemblies each start a whole stack.
  dotnet test DanceAspire.sln -c Debug --no-build --nologo -m:1 2>&1 | tee "$log" || status=$?
  while read -r f p; do
    passed=$((passed + p)); failed=$((failed + f))
  done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+),.*/\1 \2/p' "$log")
  if grep -q '"test"' web/package.json; then
    say "Running the web tests"
    (cd web && NO_COLOR=1 npm test --silent) 2>&1 | tee "$log" || status=$?
    # vitest's summary: "Tests  8 passed (9)" or "Tests  1 failed | 8 passed (9)".
    local summary
    summary=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *Tests ' | tail -1)
    passed=$((passed + $(grep -oE '[0-9]+ passed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)))
    failed=$((failed + $(grep -oE '[0-9]+ failed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)))
  fi
  rm -f "$log"
  echo
  echo "tests: $passed passed, $failed failed"
  return "$status"
}

case "${1:-}" in
  up)
    shift
    if [[ ${1:-} == --fresh ]]; then
      shift
      say "Deleting local state (.dance/)"
      rm -rf "$root/.dance"
    fi
    prepare
    say "Starting DanceAspire (Ctrl+C stops everything)"
    exec dotnet DanceAspire.AppHost/bin/Debug/net10.0/DanceAspire.AppHost.dll "$@"
    ;;
  test)
    prepare
    run_tests
    ;;
  *)
    echo "usage: ./dance.sh up [--fresh] | ./dance.sh test" >&2
    exit 2
    ;;
esac

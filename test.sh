#!/usr/bin/env bash
# Runs every Pacta test. Installs what the tests need when it is missing (PostgreSQL, Chromium, Go, from
# Debian's packages), starts a PostgreSQL server of its own on a loopback port in a temporary
# directory, stops it at the end, and prints "N passed, N failed, N skipped" as its last line.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Import]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Go's golang.org/x/mod/sumdb/note checks Pacta's signed notes (tests/interop/notes), offline.
[ -x /usr/bin/go ] && [ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/note ] || missing+=(golang-go golang-golang-x-mod-dev)
# A real SMTP server for the sign-in notice tests (tests/Pacta.Web.Tests/Sessions/smtp_sink.py).
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} from Debian's packages"
  as_root apt-get install -y "${missing[@]}" >/dev/null || { as_root apt-get update >/dev/null && as_root apt-get install -y "${missing[@]}" >/dev/null; }
fi

# --- PostgreSQL of our own, loopback only, in a temporary directory ---
work=$(mktemp -d /tmp/pacta-test.XXXXXX)
chmod 755 "$work"
pg_user=$(id -un)
run_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root; the package creates the postgres user for this.
  pg_user=postgres
  chown postgres "$work"
  run_pg() { runuser -u postgres -- "$@"; }
fi
port=55432
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
stop_pg() {
  run_pg "$(pg_bin)/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_pg EXIT
run_pg "$(pg_bin)/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; exit 1; }
run_pg "$(pg_bin)/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c max_connections=300" start >/dev/null \
  || { cat "$work/pg.log"; exit 1; }
echo "test.sh: PostgreSQL on 127.0.0.1:$port (user $pg_user, data in $work)"
export PACTA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export PACTA_TEST_CHROMIUM=/usr/bin/chromium

# --- build once, then each test project ---
if ! dotnet build Pacta.slnx -nologo -clp:ErrorsOnly >"$work/build.log" 2>&1; then
  cat "$work/build.log"
  echo "0 passed, 1 failed, 0 skipped (the build failed)"
  exit 1
fi
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "test.sh: $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@" || status=1
done

count() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count passed); failed=$(count failed); total=$(count total); executed=$(count executed)
skipped=$((total - executed))
[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=$((failed + 1)) # a test run that crashed counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]

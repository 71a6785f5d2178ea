#!/usr/bin/env bash
# Durable append throughput and proof latency on both providers (docs/performance.md), Release build.
# SQLite: a fresh file in a temporary directory, WAL and synchronous=FULL as the app sets them.
# PostgreSQL: a server of its own on a loopback port in a temporary directory, like test.sh's but durable
# (fsync=on, synchronous_commit=on, the defaults), or the one in PACTA_BENCH_POSTGRES (a connection string
# to an empty database). Prints figures; never passes or fails on timing.
# Usage: bench/record-append/run.sh [throughput|proofs|all=all] [SECONDS=10] [sqlite,postgres]
#   THROUGHPUT_ARGS="--direct --writers 1,16" adds arguments to the throughput runs (one transaction per append).
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
seconds=${2:-10}
providers=${3:-sqlite,postgres}
on() { [[ ",$providers," == *",$1,"* ]]; }
work=$(mktemp -d /tmp/pacta-bench-record.XXXXXX)
chmod 755 "$work"
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
run_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; run_pg() { runuser -u postgres -- "$@"; }; fi
stop() {
  [ -f "$work/pg/postmaster.pid" ] && run_pg "$(pg_bin)/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

dotnet build bench/record-append -c Release -nologo -clp:ErrorsOnly >/dev/null
bench() { dotnet bench/record-append/bin/Release/net10.0/record-append.dll "$@"; }

postgres=${PACTA_BENCH_POSTGRES:-}
if [ -z "$postgres" ]; then
  port=56432
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  run_pg "$(pg_bin)/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }
  run_pg "$(pg_bin)/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=on -c synchronous_commit=on -c max_connections=100" start >/dev/null \
    || { cat "$work/pg.log"; exit 1; }
  postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi
echo "uptime: $(uptime)"

if [ "$what" = all ] || [ "$what" = throughput ]; then
  if on sqlite; then bench throughput --provider sqlite --connection "Data Source=$work/throughput.db" --seconds "$seconds" --warmup 20 ${THROUGHPUT_ARGS:-}; fi
  if on postgres; then bench throughput --provider postgres --connection "$postgres" --seconds "$seconds" --warmup 20 ${THROUGHPUT_ARGS:-}; fi
fi
if [ "$what" = all ] || [ "$what" = proofs ]; then
  if on sqlite; then bench proofs --provider sqlite --connection "Data Source=$work/proofs.db"; fi
  if ! on postgres; then :
  elif [ -z "${PACTA_BENCH_POSTGRES:-}" ]; then
    run_pg "$(pg_bin)/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE proofs" >/dev/null
    bench proofs --provider postgres --connection "Host=127.0.0.1;Port=$port;Username=postgres;Database=proofs"
  else
    echo "proofs on PostgreSQL: run bench/record-append's proofs command against an empty database of its own"
  fi
fi

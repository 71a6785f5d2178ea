#!/usr/bin/env bash
# Times a full `pacta verify --log` of a record of COUNT events served by a local Pacta (Release, SQLite, 127.0.0.1).
# For each COUNT: builds the database (bench/record-verify), starts Pacta.Web on it, verifies repeatedly for 20 s
# to warm the server (JIT, PGO, page cache), then times RUNS full verifications, each with a fresh state file (so every
# entry and tile is fetched, hashed and compared). Figures are wall-clock seconds and the verifier's peak RSS.
# Usage: bench/record-verify/run.sh [COUNT...]   (default: 100000 1000000; RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5098
origin=bench.example/pacta
runs=${RUNS:-3}
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100000 1000000)

for project in src/Pacta.Web src/Pacta.Cli bench/record-verify; do
  dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >/dev/null
done
web=src/Pacta.Web/bin/Release/net10.0/Pacta.Web.dll
pacta=src/Pacta.Cli/bin/Release/net10.0/pacta.dll

pid=
data=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$data" ]; then rm -rf "$data"; fi
}
trap cleanup EXIT

echo "pacta verify benchmark: $(date -u +%FT%TZ), $(nproc) cores, Release, SQLite, 127.0.0.1, $runs runs each"
printf '%10s %12s %10s %10s %12s\n' "events" "build db (s)" "run" "verify (s)" "peak RSS (MB)"
for count in "${counts[@]}"; do
  data=$(mktemp -d /tmp/pacta-bench-verify.XXXXXX)
  started=$(date +%s.%N)
  vkey=$(dotnet bench/record-verify/bin/Release/net10.0/record-verify.dll "$data" "$count" "$origin" 2>"$data/build.log")
  built=$(echo "$(date +%s.%N) - $started" | bc)
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$web" --urls "http://127.0.0.1:$port" --Pacta:DataDirectory="$data" \
    --Pacta:Seed:OnFirstStart=false --Pacta:Record:Origin="$origin" >"$data/pacta.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/record/checkpoint" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/record/checkpoint" || { echo "record-verify: Pacta did not start"; cat "$data/pacta.log"; exit 1; }

  # Warm-up: the server's tiered JIT and PGO settle only after thousands of requests (AGENTS.md: 20 s).
  warm_until=$(( $(date +%s) + 20 ))
  while [ "$(date +%s)" -lt "$warm_until" ]; do
    rm -f "$data/warm.json"
    dotnet "$pacta" verify --log "http://127.0.0.1:$port/record" --key "$vkey" --state "$data/warm.json" >/dev/null 2>&1
  done
  for run in $(seq 1 "$runs"); do
    started=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$data/rss" dotnet "$pacta" verify --log "http://127.0.0.1:$port/record" --key "$vkey" \
      --state "$data/state-$run.json" >"$data/verify.out" 2>"$data/verify.err" || { cat "$data/verify.out" "$data/verify.err"; exit 1; }
    elapsed=$(echo "$(date +%s.%N) - $started" | bc)
    printf '%10s %12.1f %10s %10.2f %12.0f\n' "$count" "$built" "$run" "$elapsed" "$(echo "$(cat "$data/rss") / 1024" | bc)"
  done
  tail -n 1 "$data/verify.out"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  rm -rf "$data"; data=
done

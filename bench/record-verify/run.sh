#!/usr/bin/env bash
# Times a full `pacta verify --log` of a record of COUNT events served by a local Pacta (Release, SQLite, 127.0.0.1).
# For each COUNT: builds the database (bench/record-verify), starts Pacta.Web on it, verifies repeatedly for 20 s
# to warm the server (JIT, PGO, page cache), then times RUNS full verifications, each with a fresh state file (so every
# entry and tile is fetched, hashed and compared). Figures: wall-clock seconds, the CPU seconds
# of the verifier and of the server during the run (they share the machine's cores), the verifier's peak RSS.
# MODE=portal (or portal-small) times `pacta verify --url` instead: the database is a portal's (record-verify
# --portal: imports, then revisions of commitments, or with portal-small mostly of organisations), so the
# verifier also replays every event and compares the state with the portal's API. Two more columns then: the
# seconds until the replay is done (record and replay stream together) and those of the comparison, from the
# verifier's stderr; and one `--log` run of the same record, for what the replay adds.
# Usage: [MODE=log|portal|portal-small] bench/record-verify/run.sh [COUNT...]   (default: 100000 1000000; RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5098
origin=bench.example/pacta
runs=${RUNS:-3}
mode=${MODE:-log}
case "$mode" in
  log) build_option=() ;;
  portal | portal-small) build_option=("--$mode") ;;
  *) echo "record-verify: MODE must be log, portal or portal-small" >&2; exit 2 ;;
esac
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100000 1000000)

for project in src/Pacta.Web src/Pacta.Cli bench/record-verify; do
  dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >/dev/null
done
web=src/Pacta.Web/bin/Release/net10.0/Pacta.Web.dll
pacta=src/Pacta.Cli/bin/Release/net10.0/pacta.dll

# User + system CPU seconds a process has used so far (/proc/PID/stat fields 14 and 15, in clock ticks).
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# Prefixes each line with the time in seconds, to split the verifier's run at its "replayed" notice.
stamp() {
  while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done
}

pid=
data=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$data" ]; then rm -rf "$data"; fi
}
trap cleanup EXIT

echo "pacta verify benchmark ($mode): $(date -u +%FT%TZ), $(nproc) cores, Release, SQLite, 127.0.0.1, $runs runs each, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%10s %12s %5s %10s %16s %16s %14s %14s %12s\n' "events" "build db (s)" "run" "verify (s)" "verifier CPU (s)" "server CPU (s)" "verifier RSS (MB)" "until replayed" "compare (s)"
for count in "${counts[@]}"; do
  data=$(mktemp -d /tmp/pacta-bench-verify.XXXXXX)
  started=$(date +%s.%N)
  vkey=$(dotnet bench/record-verify/bin/Release/net10.0/record-verify.dll "$data" "$count" "$origin" "${build_option[@]}" 2>"$data/build.log")
  built=$(echo "$(date +%s.%N) - $started" | bc)
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$web" --urls "http://127.0.0.1:$port" --Pacta:DataDirectory="$data" \
    --Pacta:Seed:OnFirstStart=false --Pacta:Record:Origin="$origin" >"$data/pacta.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/record/checkpoint" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/record/checkpoint" || { echo "record-verify: Pacta did not start"; cat "$data/pacta.log"; exit 1; }

  if [ "$mode" = log ]; then target=(--log "http://127.0.0.1:$port/record"); else target=(--url "http://127.0.0.1:$port"); fi
  # Warm-up: the server's tiered JIT and PGO settle only after thousands of requests (AGENTS.md: 20 s).
  warm_until=$(( $(date +%s) + 20 ))
  while [ "$(date +%s)" -lt "$warm_until" ]; do
    rm -f "$data/warm.json"
    dotnet "$pacta" verify "${target[@]}" --key "$vkey" --state "$data/warm.json" >/dev/null 2>&1
  done
  for run in $(seq 1 "$runs"); do
    server_before=$(cpu_seconds "$pid")
    started=$(date +%s.%N)
    /usr/bin/time -f '%M %U %S' -o "$data/rss" dotnet "$pacta" verify "${target[@]}" --key "$vkey" \
      --state "$data/state-$run.json" >"$data/verify.out" 2> >(stamp >"$data/verify.err") || { cat "$data/verify.out" "$data/verify.err"; exit 1; }
    ended=$(date +%s.%N)
    elapsed=$(echo "$ended - $started" | bc)
    server=$(echo "$(cpu_seconds "$pid") - $server_before" | bc)
    read -r rss user sys <"$data/rss"
    replayed=$(awk '/ pacta: replayed /{ print $1; exit }' "$data/verify.err")
    if [ -n "$replayed" ]; then split=$(printf '%14.2f %12.2f' "$(echo "$replayed - $started" | bc)" "$(echo "$ended - $replayed" | bc)"); else split=$(printf '%14s %12s' - -); fi
    printf '%10s %12.1f %5s %10.2f %16.2f %16.2f %14.0f %s\n' "$count" "$built" "$run" "$elapsed" "$(echo "$user + $sys" | bc)" "$server" "$(echo "$rss / 1024" | bc)" "$split"
  done
  tail -n 1 "$data/verify.out"
  if [ "$mode" != log ]; then
    # The same record without replay and comparison: what those add.
    started=$(date +%s.%N)
    /usr/bin/time -f '%M %U %S' -o "$data/rss" dotnet "$pacta" verify --log "http://127.0.0.1:$port/record" --key "$vkey" \
      --state "$data/state-log.json" >/dev/null 2>&1 || { echo "record-verify: --log failed"; exit 1; }
    read -r rss user sys <"$data/rss"
    printf '%10s %12s %5s %10.2f %16.2f %16s %14.0f   (--log only)\n' "$count" "" "log" "$(echo "$(date +%s.%N) - $started" | bc)" "$(echo "$user + $sys" | bc)" "" "$(echo "$rss / 1024" | bc)"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  rm -rf "$data"; data=
done

#!/usr/bin/env bash
# Load benchmark of Pacta's hottest public reads on the embedded default (SQLite), loopback only.
# Starts a Release build of Pacta on 127.0.0.1 with a fresh data directory (Mexico's forum and the
# sample plan loaded), warms it up, runs wrk against each URL for a fixed time, prints requests/s
# and latency percentiles, and stops Pacta. Bounded: every wrk run lasts DURATION seconds.
# The dashboard is measured twice: anonymously (served from the output cache) and signed in (a member's request skips
# that cache and carries a session, checked against the database on every request): bench/signed-in.py signs a member
# in through the invitation and sign-in forms and the cookie is passed to wrk.
# Usage: bench/load.sh [DURATION_SECONDS=20] [CONNECTIONS=32] [ONLY: measure only the rows whose name contains it]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
only=${3:-}
port=5099
# Another engineer's benchmark on the same port would answer instead of this one.
if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "bench/load.sh: port $port is in use (another benchmark?)"; exit 1; fi
command -v wrk >/dev/null || { echo "bench/load.sh: installing wrk"; apt-get install -y wrk >/dev/null; }

data=$(mktemp -d /tmp/pacta-bench.XXXXXX)
dotnet build src/Pacta.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet src/Pacta.Web/bin/Release/net10.0/Pacta.Web.dll --urls "http://127.0.0.1:$port" --Pacta:DataDirectory="$data" \
  >"$data/pacta.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/es/" && break; sleep 1; done
# The dashboard's figures are for a plan of 200 commitments and 2,000 milestones (bench/dashboard-plan.py), imported
# with the command line into the running Pacta's database (SQLite in WAL: the import is one more writer).
python3 bench/dashboard-plan.py "$data/bench-plan.json"
dotnet build src/Pacta.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet src/Pacta.Cli/bin/Release/net10.0/pacta.dll import "$data/bench-plan.json" --Pacta:DataDirectory="$data" >/dev/null

# A member of the forum, signed in through the real forms; the cookie goes to wrk as a header.
email=bench.reader@example.org
link=$(dotnet src/Pacta.Cli/bin/Release/net10.0/pacta.dll invite --email "$email" --organization SEJ --Pacta:DataDirectory="$data" | awk '/^link: / { print $2 }')
session=$(python3 bench/signed-in.py "http://127.0.0.1:$port" "$link" "$email")

# name, path, cookie (empty: anonymous)
rows=(
  "/es/commitments/MX0081|/es/commitments/MX0081|"
  "/api/v1/commitments|/api/v1/commitments|"
  "/es/plans/98/dashboard|/es/plans/98/dashboard|"
  "/es/plans/98/dashboard signed in|/es/plans/98/dashboard|$session"
)
echo "Pacta load benchmark: $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$connections -d${duration}s, SQLite, Release"
echo "(the dashboard: plan 98, 200 commitments, 2,000 milestones; load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
# CPU ms/req: Pacta's own CPU time (user + system) over the run divided by the requests served. Unlike requests/s
# and latency it barely moves when other work shares the machine, so before/after runs on a busy machine still compare.
printf '%-34s %12s %10s %10s %10s %12s\n' "url" "requests/s" "p50" "p90" "p99" "CPU ms/req"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
for row in "${rows[@]}"; do
  IFS='|' read -r name url cookie <<<"$row"
  [[ "$name" == *"$only"* ]] || continue
  header=()
  [ -z "$cookie" ] || header=(-H "Cookie: $cookie")
  curl -sf -o /dev/null "${header[@]}" "http://127.0.0.1:$port$url" || { echo "bench/load.sh: $url does not answer 200"; exit 1; }
  # A signed-in request must be rendered, never served from the output cache (which adds an Age header).
  if [ -n "$cookie" ] && curl -sf -D - -o /dev/null "${header[@]}" "http://127.0.0.1:$port$url" | grep -qi '^age:'; then
    echo "bench/load.sh: the signed-in $url came from the output cache"; exit 1
  fi
  wrk -t2 -c"$connections" -d20s "${header[@]}" "http://127.0.0.1:$port$url" >/dev/null   # warm-up: tiered JIT and PGO settle after ~20 s of load
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "${header[@]}" "http://127.0.0.1:$port$url")
  after=$(cpu_ticks)
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p90=$(awk '$1 == "90%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out")
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
  printf '%-34s %12s %10s %10s %10s %12s\n' "$name" "$rps" "$p50" "$p90" "$p99" "$cpu"
  [ -z "$errors" ] || echo "  $errors"
  # The session held for the whole run (a rejected one would have made every request an anonymous one).
  if [ -n "$cookie" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "http://127.0.0.1:$port/es/account")" != 200 ]; then
    echo "  the session was no longer valid after the run: the figure is not a signed-in one"
  fi
done

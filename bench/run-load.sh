#!/usr/bin/env bash
# The load benchmark of issue 10 in one command: builds Release, starts its own Azurite (free ports, temp
# data folder), a silo and a web node, runs the references R1–R4 and the system scenarios S1, S2 and S4
# against them, and writes bench/results/load.{json,md,png}. Stops everything it started at the end,
# on failure and on Ctrl-C.
#   bench/run-load.sh            full run (~10 minutes on 2 cores, build included)
#   bench/run-load.sh --quick    smoke run (~2 minutes; small and short, figures mean little)
#   bench/run-load.sh --steady 300:60 [--perf]
#                                only visitor messages at 300/s for 60 s over 1,000 chats, for profiling; with --perf
#                                the silo and the web node are recorded by `perf` (test-artifacts/load-logs/perf-*.txt);
#                                attached perf slows them enough that a rate near the knee collapses
#   bench/run-load.sh --overload 600
#                                only S2b: twice 600 messages/s over 5,000 chats after a minute at 300/s to warm up, with 300/s
#                                before and after it; prints every second; writes no results
#   bench/run-load.sh --overload find
#                                S2's knee search first, then S2b at the knee it found
#   --silos N                    with any of the above: N silos (default 1); with more than one, streams go through
#                                Azure queues, as in the cloud, and the web node spreads its calls over every gateway
# AZURITE_NODE_ARGS passes options to Azurite's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/azurite-profile" to see where
# its one thread goes); AZURITE_DEBUG=1 writes its request log to test-artifacts/load-logs/azurite-debug.log (slows it a lot).
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

quick=()
steady=()
overload=()
perf=false
silos=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    --steady) steady=(--steady "${2:?--steady takes RATE:SECONDS}"); shift ;;
    --overload) overload=(--overload "${2:?--overload takes the knee in messages/s or find}"); shift ;;
    --silos) silos="${2:?--silos takes a count}"; shift ;;
    --perf) perf=true ;;
    *) echo "Usage: bench/run-load.sh [--quick] [--steady RATE:SECONDS [--perf]] [--overload KNEE|find] [--silos N]" >&2; exit 2 ;;
  esac
  shift
done
[[ "$silos" =~ ^[1-9]$ ]] || { echo "--silos takes a count from 1 to 9" >&2; exit 2; }
if $perf && { [ ${#steady[@]} -eq 0 ] || ! command -v perf >/dev/null; }; then
  echo "--perf needs --steady RATE:SECONDS and the perf command" >&2; exit 2
fi

PROPERTY="load"
ADMIN_EMAIL="admin@load.bench"
ADMIN_PASSWORD="load-bench-password"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/conversations-load.XXXXXX")"
LOGS="$ROOT/test-artifacts/load-logs"
mkdir -p "$LOGS"

# Ports counted up from a random start below the kernel's ephemeral range (32768+, where the run's thousands of client
# connections take theirs), skipping any in use. Called without $(…): a subshell would forget the ports already handed out.
next_port=$((20000 + RANDOM % 10000))
free_port() {
  while port_in_use "$next_port"; do next_port=$((next_port + 1)); done
  declare -g "$1=$next_port"
  next_port=$((next_port + 1))
}

pids=()
stop_all() {
  trap - INT TERM EXIT
  log "Stopping what the benchmark started"
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    stop_process "${pids[i]}"
  done
  rm -rf "$WORK"
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

ensure_azurite
log "Building the silo, the web node and the load generator (Release)"
for project in Silo/Silo.csproj Web/Web.csproj bench/Load.Bench/Load.Bench.csproj; do
  dotnet build "$project" -c Release -nologo -clp:ErrorsOnly -v:q
done

free_port BLOB_PORT; free_port QUEUE_PORT; free_port TABLE_PORT; free_port WEB_HTTP
ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
CLUSTER_ID="load-$(date +%s)"

# In memory: on disk, Azurite rewrites its whole table database every 5 s (LokiJS autosave), which grows with the run.
# A young generation of 64 MB: with node's default (16 MB) each request's garbage outlived 4 scavenges a second and was
# promoted, and the old-generation collections that followed paused Azurite's one thread under every request in flight
# (--steady 320:90: 299 scavenges and 9 seconds with p99 > 80 ms; with 64 MB 74 and 4). Azure Table storage has no such pause.
log "Starting Azurite on $TABLE_PORT (tables), in memory"
node --max-semi-space-size=64 ${AZURITE_NODE_ARGS:-} node_modules/azurite/dist/src/azurite.js --inMemoryPersistence --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" \
  --skipApiVersionCheck --loose --silent --disableTelemetry ${AZURITE_DEBUG:+--debug "$LOGS/azurite-debug.log"} >"$LOGS/azurite.log" 2>&1 &
pids+=($!)
wait_for_port "$TABLE_PORT" 30 && wait_for_port "$QUEUE_PORT" 30 || { echo "Azurite did not start; see $LOGS/azurite.log" >&2; exit 1; }
processes="azurite=${pids[0]}"
if [ "$silos" -gt 1 ]; then
  # The streams' queues in an Azurite of their own, as Azure serves tables and queues apart: one Node thread for both
  # timed out under the pub-sub writes of 5,000 chats opening and the pulling agents' reads.
  free_port QUEUE_PORT
  log "Starting Azurite's queues on $QUEUE_PORT, in memory"
  node --max-semi-space-size=64 ${AZURITE_NODE_ARGS:-} node_modules/azurite/dist/src/queue/main.js --inMemoryPersistence --queuePort "$QUEUE_PORT" \
    --skipApiVersionCheck --loose --silent --disableTelemetry >"$LOGS/azurite-queues.log" 2>&1 &
  pids+=($!)
  processes+=",azurite-queues=${pids[-1]}"
  wait_for_port "$QUEUE_PORT" 30 || { echo "Azurite's queues did not start; see $LOGS/azurite-queues.log" >&2; exit 1; }
fi

STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
# Both nodes: this run's storage and cluster, quiet logs. The web node trusts X-Forwarded-For (each bench
# visitor has its own address) and its per-visitor limits are raised far above what the benchmark sends.
common_env=(Conversations__StorageConnectionString="$STORAGE" Conversations__ClusterId="$CLUSTER_ID"
  Logging__LogLevel__Default=Warning)
if [ "$silos" -gt 1 ]; then
  common_env+=(Conversations__Streams=AzureQueue Conversations__StreamQueueCount=$((silos * 4 > 8 ? silos * 4 : 8)))
fi
# perf resolves JIT-compiled frames through the map files the runtime writes when asked; with W^X on, the code
# lives in a double-mapped memfd that perf takes for a file and never looks up in the map.
if $perf; then common_env+=(DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0); fi

for ((i = 0; i < silos; i++)); do
  name=silo; [ "$i" -gt 0 ] && name="silo$i"
  free_port port; free_port gateway; free_port http
  log "Starting $name (log: test-artifacts/load-logs/$name.log)"
  (cd Silo && exec env "${common_env[@]}" Urls="http://127.0.0.1:$http" \
    Conversations__Silo__SiloPort="$port" Conversations__Silo__GatewayPort="$gateway" \
    dotnet bin/Release/net10.0/Conversations.Silo.dll) >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
  processes+=",$name=${pids[-1]}"
  [ "$i" -eq 0 ] && { SILO_HTTP=$http; SILO_PID=${pids[-1]}; }
  wait_for_health "http://127.0.0.1:$http/health" 120 "${pids[-1]}" || { tail -n 30 "$LOGS/$name.log" >&2; exit 1; }
done

log "Starting the web node (log: test-artifacts/load-logs/web.log)"
(cd Web && exec env "${common_env[@]}" Urls="http://127.0.0.1:$WEB_HTTP" \
  Conversations__TrustForwardedFor=true \
  Conversations__RateLimits__VisitorSessionsPerMinutePerIp=1000000 \
  Conversations__RateLimits__NewChatsPerMinutePerIp=1000000 \
  Conversations__RateLimits__MessagesPerMinutePerVisitor=1000000 \
  Conversations__RateLimits__PageViewsPerMinutePerVisitor=1000000 \
  Conversations__Seed__PropertyId="$PROPERTY" Conversations__Seed__PropertyName="Load benchmark" \
  Conversations__Seed__AdminEmail="$ADMIN_EMAIL" Conversations__Seed__AdminPassword="$ADMIN_PASSWORD" \
  Conversations__Seed__AdminName="Load Admin" \
  dotnet bin/Release/net10.0/Conversations.Web.dll) >"$LOGS/web.log" 2>&1 &
pids+=($!)
wait_for_health "http://127.0.0.1:$WEB_HTTP/health" 120 "${pids[-1]}" || { tail -n 30 "$LOGS/web.log" >&2; exit 1; }

log "Running the benchmark"
processes+=",web=${pids[-1]}"
dotnet bench/Load.Bench/bin/Release/net10.0/Conversations.Load.Bench.dll \
  --web "http://127.0.0.1:$WEB_HTTP" --storage "$STORAGE" --cluster-id "$CLUSTER_ID" --property "$PROPERTY" \
  --admin-email "$ADMIN_EMAIL" --admin-password "$ADMIN_PASSWORD" --results bench/results \
  --processes "$processes" --silo "http://127.0.0.1:$SILO_HTTP" --command "bench/run-load.sh${quick:+ --quick}" "${quick[@]}" "${steady[@]}" "${overload[@]}" \
  > >(tee "$LOGS/bench.log") 2>&1 &
pids+=($!)
if $perf; then
  # The silo and the web node were started with exec, so their pids are the dotnet processes themselves.
  until grep -q "start the profiler now" "$LOGS/bench.log" 2>/dev/null; do
    kill -0 "${pids[-1]}" 2>/dev/null || { wait "${pids[-1]}"; exit 1; }
    sleep 1
  done
  recorders=()
  for name in silo web; do
    pid=$SILO_PID; [ "$name" = web ] && pid=${pids[-2]}
    perf record -F 49 -g -p "$pid" -o "$LOGS/perf-$name.data" -- sleep $((${steady[1]#*:} + 5)) >/dev/null 2>&1 &
    recorders+=($!)
  done
  wait "${pids[-1]}"
  wait "${recorders[@]}" || true
  for name in silo web; do
    perf report -i "$LOGS/perf-$name.data" --no-children --sort symbol --stdio -g none --percent-limit 0.3 2>/dev/null >"$LOGS/perf-$name.txt"
    perf report -i "$LOGS/perf-$name.data" --children --sort symbol --stdio -g none --percent-limit 1 2>/dev/null >"$LOGS/perf-$name-inclusive.txt"
  done
  log "perf reports in $LOGS/perf-*.txt"
else
  wait "${pids[-1]}"
fi

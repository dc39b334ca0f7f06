#!/usr/bin/env bash
# The reports benchmark (RPT-1): aggregates made-up conversations into per-day report grains of an in-process silo and
# times answering reports (periods of 1-366 days; everyone, one agent, one department, breakdown; 1 and 8 callers).
# Writes bench/results/reports.md. Needs no Azurite (memory grain storage).
#   bench/run-reports.sh              1,000,000 conversations (the issue's size)
#   bench/run-reports.sh 100000       a smaller run
#   bench/run-reports.sh 1000000 600  600 timed queries per scenario (default 300)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

conversations="${1:-1000000}"
queries="${2:-300}"
dotnet build bench/Reports.Bench -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:q
log "Reports benchmark: $conversations conversations, $queries queries per scenario"
dotnet bench/Reports.Bench/bin/"$CONFIGURATION"/net10.0/Conversations.Reports.Bench.dll "$conversations" --queries "$queries" --out bench/results/reports.md
log "bench/results/reports.md written"

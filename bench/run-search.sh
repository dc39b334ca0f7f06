#!/usr/bin/env bash
# The search benchmark (SRCH-1): generates conversations of 10 messages straight into the Lucene index the search grain
# holds, then times a query mix alone and with many callers; one section per size, appended to test-artifacts/search.md
# (copy the sections into bench/results/search.md). Sizes are messages; conversations are a tenth of them.
#   bench/run-search.sh                         100,000 and 1,000,000 messages, 50 callers
#   bench/run-search.sh 1000000 10000000        the issue's sizes (10M needs ~1 h and a few GB of disk in /tmp)
#   SEARCH_CALLERS=50 SEARCH_QUERIES=2000       callers and queries per size
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
dotnet build bench/Search.Bench -c Release -nologo -clp:ErrorsOnly -v:q
mkdir -p test-artifacts
out=test-artifacts/search.md
: > "$out"
for size in "${sizes[@]}"; do
  log "Search benchmark: $size messages"
  dotnet bench/Search.Bench/bin/Release/net10.0/Conversations.Search.Bench.dll "$size" "${SEARCH_CALLERS:-50}" "${SEARCH_QUERIES:-2000}" | tee -a "$out"
done
grep '^RESULT' "$out"

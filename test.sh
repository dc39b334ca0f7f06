#!/usr/bin/env bash
# Installs what the tests need (npm packages with Azurite, Chromium), type-checks and builds
# everything, runs every test, and ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$ROOT"

results="$ROOT/TestResults"
rm -rf "$results" test-artifacts

summary() {
  local passed=0 failed=0 counters
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
  done
  echo "$passed passed, $failed failed"
}

if ! (set -e; ensure_node_packages; ensure_chromium; ensure_nftables; restore_bicep; build_client; build_dotnet); then
  echo "The build failed; no test ran."
  echo "0 passed, 1 failed"
  exit 1
fi

log "Running the tests"
dotnet test "$ROOT/Conversations.sln" -c "$CONFIGURATION" --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 5m
status=$?
if [ -f test-artifacts/fuzz.txt ]; then
  log "Fuzzer (tests/Conversations.Tests/Fuzz; FUZZ_REQUESTS=100000 for the long run)"
  cat test-artifacts/fuzz.txt
fi
node "$ROOT/scripts/failed-tests.mjs" "$results"
summary
exit $status

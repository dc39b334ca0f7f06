#!/usr/bin/env bash
# The long fuzz run (issue 16): the fuzzer of ./test.sh (tests/Conversations.Tests/Fuzz, ApiFuzzTests) with more
# requests: REST operations of the OpenAPI document and both hubs' methods, by every role, with hostile values.
# It starts its own Azurite, silo and web node (in the test process) and fails on any 5xx, unexpected hub error,
# logged error or foreign data. Prints the counts; details in test-artifacts/fuzz.{txt,json}.
#   bench/run-fuzz.sh                      100,000 requests, the default seed
#   bench/run-fuzz.sh 200000 42            200,000 requests, seed 42
#   FUZZ_CONCURRENCY=16 bench/run-fuzz.sh  more calls in flight (default 8)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

requests="${1:-100000}"
seed="${2:-}"
ensure_node_packages
build_client
build_dotnet

log "Fuzzing: $requests requests${seed:+, seed $seed}"
status=0
FUZZ_REQUESTS="$requests" FUZZ_SEED="$seed" dotnet test "$ROOT/tests/Conversations.Tests" -c "$CONFIGURATION" --no-build -nologo \
  --filter "FullyQualifiedName~ApiFuzzTests" --logger "console;verbosity=minimal" --blame-hang-timeout 60m || status=$?
cat test-artifacts/fuzz.txt 2>/dev/null || echo "No results: the run did not get as far as the fuzzing."
exit $status

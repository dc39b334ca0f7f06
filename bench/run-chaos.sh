#!/usr/bin/env bash
# The full-size chaos runs of issue 18 (OPS-1..4), the CI-size versions of which run in ./test.sh:
#   ElasticChaosTests     CHAOS_MINUTES (10 here, 2 in CI) under 100 visitors and 5 consoles, 1-3 silos, web nodes killed
#   PartitionTests        silos in network namespaces: loss + rate limit, then a 20 s cut of one silo (root + nftables)
#   RollingRestartTests   every silo and web node restarted in turn under ROLLING_TEST_VISITORS (100 here, 20 in CI)
# Each prints its figures (see the test output and test-artifacts/*.json); copy them to bench/results/chaos.md with the
# load average beside them: the machine is shared.
#   bench/run-chaos.sh            all three
#   bench/run-chaos.sh Elastic    only the tests whose name contains "Elastic"
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

only="${1:-}"
ensure_node_packages
ensure_nftables
build_dotnet

status=0
for test in ElasticChaosTests PartitionTests RollingRestartTests; do
  if [ -n "$only" ] && [[ "$test" != *"$only"* ]]; then continue; fi
  log "$test (full size); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  CHAOS_MINUTES="${CHAOS_MINUTES:-10}" ROLLING_TEST_VISITORS="${ROLLING_TEST_VISITORS:-100}" \
    dotnet test "$ROOT/tests/Conversations.Tests" -c "$CONFIGURATION" --no-build -nologo \
    --filter "FullyQualifiedName~MultiProcess.$test" --logger "console;verbosity=detailed" --blame-hang-timeout 30m || status=$?
done
exit $status

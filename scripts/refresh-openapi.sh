#!/usr/bin/env bash
# Writes the OpenAPI document the web node serves to Web/ClientApp/openapi/v1.json, from which the console's API
# types are generated at build time (npm run build). Run it after changing the REST API; OpenApiSnapshotTests fails
# until you do. It builds, starts a test web node (with its own Azurite) and saves what GET /api/v1/openapi.json answers.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
build_dotnet
CONVERSATIONS_UPDATE_OPENAPI=1 dotnet test tests/Conversations.Tests -c "$CONFIGURATION" --no-build -nologo \
  --filter "FullyQualifiedName~OpenApiSnapshotTests" --blame-hang-timeout 5m
(cd Web/ClientApp && npm run --silent generate-api)
log "Web/ClientApp/openapi/v1.json and src/api/schema.d.ts refreshed; npm run build type-checks the console against them"

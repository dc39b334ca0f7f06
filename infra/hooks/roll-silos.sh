#!/usr/bin/env bash
# Brings the deployed silos to SILO_COUNT, one silo at a time, so the cluster never loses more than one.
# azd runs it after `azd provision` and `azd deploy` (azure.yaml hooks); run it by hand with `azd env get-values`
# exported, or with the variables below set. Needs the Azure CLI (`az login`) with the containerapp extension.
#   - silo 0 is the app azd deploys to; every other silo app gets silo 0's image, then the script waits until it is running;
#   - a silo app whose index is SILO_COUNT or more (SILO_COUNT was lowered) is deleted: Container Apps stops it with
#     SIGTERM, the silo leaves the cluster gracefully and its grains reactivate on the others at their next call;
#   - --restart restarts every silo in turn (a rolling restart, OPS-4) and changes nothing else.
# Variables: AZURE_RESOURCE_GROUP, SILO_APP_NAMES (output of infra/main.bicep), SERVICE_SILO_IMAGE_NAME (set by azd deploy),
# SILO_SETTLE_SECONDS (pause after each silo so the membership table and the stream queue balancer settle; default 30).
set -euo pipefail

restart=false
[ "${1:-}" = "--restart" ] && restart=true
: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (azd env get-values)}"
: "${SILO_APP_NAMES:?set SILO_APP_NAMES (azd env get-values, after azd provision)}"
settle="${SILO_SETTLE_SECONDS:-30}"
read -r -a wanted <<<"$SILO_APP_NAMES"

wait_running() {
  local app=$1 state
  for _ in $(seq 1 60); do
    state=$(az containerapp show -g "$AZURE_RESOURCE_GROUP" -n "$app" --query "properties.runningStatus" -o tsv 2>/dev/null || true)
    if [ "$state" = "Running" ]; then
      sleep "$settle"
      return 0
    fi
    sleep 10
  done
  echo "$app is not running after 10 minutes; stopping here so no second silo goes down." >&2
  exit 1
}

if $restart; then
  for app in "${wanted[@]}"; do
    revision=$(az containerapp show -g "$AZURE_RESOURCE_GROUP" -n "$app" --query "properties.latestRevisionName" -o tsv)
    echo "Restarting $app ($revision)"
    az containerapp revision restart -g "$AZURE_RESOURCE_GROUP" -n "$app" --revision "$revision" -o none
    wait_running "$app"
  done
  exit 0
fi

image="${SERVICE_SILO_IMAGE_NAME:-}"
if [ -z "$image" ]; then
  image=$(az containerapp show -g "$AZURE_RESOURCE_GROUP" -n "${wanted[0]}" --query "properties.template.containers[0].image" -o tsv)
fi

for app in "${wanted[@]:1}"; do
  current=$(az containerapp show -g "$AZURE_RESOURCE_GROUP" -n "$app" --query "properties.template.containers[0].image" -o tsv)
  if [ "$current" != "$image" ]; then
    echo "Updating $app to $image"
    az containerapp update -g "$AZURE_RESOURCE_GROUP" -n "$app" --image "$image" -o none
    wait_running "$app"
  fi
done

# Silo apps left over from a larger SILO_COUNT, newest first.
mapfile -t deployed < <(az containerapp list -g "$AZURE_RESOURCE_GROUP" --query "[?tags.\"conversations-role\"=='silo'].name" -o tsv | sort -r)
for app in "${deployed[@]}"; do
  if [[ " ${wanted[*]} " != *" $app "* ]]; then
    echo "Removing $app (SILO_COUNT is ${#wanted[@]})"
    az containerapp delete -g "$AZURE_RESOURCE_GROUP" -n "$app" --yes -o none
    sleep "$settle"
  fi
done

# Shared steps of run.sh and test.sh: install what is missing, build, start and stop processes.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIGURATION="${CONFIGURATION:-Release}"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# npm ci only when the lock file changed since the last install.
npm_install_in() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Azurite (a root npm package), with its table lookups by key made constant-time as Azure's (scripts/patch-azurite.mjs).
ensure_azurite() {
  npm_install_in "$ROOT"
  node "$ROOT/scripts/patch-azurite.mjs"
}

ensure_node_packages() {
  command -v node >/dev/null || { echo "Node.js is required (node 20+)." >&2; exit 1; }
  ensure_azurite
  npm_install_in "$ROOT/Web/ClientApp"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  log "Installing Chromium (Debian package) for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

# The partition tests put silos in network namespaces and cut their links with nftables (as root; skipped otherwise).
ensure_nftables() {
  if command -v nft >/dev/null || [ "$(id -u)" -ne 0 ]; then return 0; fi
  log "Installing nftables (Debian package) for the partition tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nftables >/dev/null) \
    || log "nftables could not be installed: the partition tests will be skipped"
}

build_client() {
  log "Type-checking and building the console and widget"
  (cd "$ROOT/Web/ClientApp" && VITE_CONFIG_NATIVE_IGNORE_WARNING=true npm run --silent build >/dev/null)
}

build_dotnet() {
  log "Building the solution ($CONFIGURATION)"
  dotnet build "$ROOT/Conversations.sln" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:q
}

# The Bicep CLI comes from NuGet (no download of its own); the deployment tests run it.
restore_bicep() {
  dotnet restore "$ROOT/infra/tools/BicepCli.csproj" -nologo -v:q >/dev/null
  chmod +x "${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  local port="$1" seconds="$2"
  for _ in $(seq $((seconds * 10))); do
    port_in_use "$port" && return 0
    sleep 0.1
  done
  return 1
}

wait_for_health() {
  local url="$1" seconds="$2" pid="$3"
  for _ in $(seq "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

# TERM, then up to 20 s to exit, then KILL.
stop_process() {
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 200); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

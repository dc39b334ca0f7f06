#!/usr/bin/env bash
# Installs what is missing, starts Azurite, the silo and the web node, and serves the console.
# Ctrl-C stops everything this script started. Data lives in .data/ and survives restarts.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$ROOT"

WEB_URL="http://127.0.0.1:5080"
DEMO_EMAIL="admin@demo.local"
DEMO_PASSWORD="demo-admin-2026"
SILO_URL="http://127.0.0.1:5081"
MAIL_URL="http://127.0.0.1:5082"
SMTP_PORT=2525
INBOUND_SMTP_PORT=2526
for port in 10000 10001 10002 11111 30000 5080 5081 5082 $SMTP_PORT $INBOUND_SMTP_PORT; do
  if port_in_use "$port"; then
    echo "Port $port is already in use; stop whatever holds it (an earlier ./run.sh?) and try again." >&2
    exit 1
  fi
done

ensure_node_packages
build_client
build_dotnet

mkdir -p .data/azurite .data/logs
pids=()
stop_all() {
  trap - INT TERM EXIT
  log "Stopping"
  # Newest first, each given time to finish (a silo leaving the cluster still needs storage).
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    stop_process "${pids[i]}"
  done
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

log "Starting Azurite (data in .data/azurite)"
node_modules/.bin/azurite --location .data/azurite --skipApiVersionCheck --loose --silent --disableTelemetry \
  >.data/logs/azurite.log 2>&1 &
pids+=($!)
wait_for_port 10002 30 || { echo "Azurite did not start; see .data/logs/azurite.log" >&2; exit 1; }

# Outgoing mail goes to smtp4dev (a local SMTP server with a web UI, from the repo's tool manifest).
mail_line="    Mail (smtp4dev)  not running: 'dotnet tool restore' failed; the silo sends nothing"
silo_mail=()
if dotnet tool restore >.data/logs/tool-restore.log 2>&1; then
  log "Starting smtp4dev (log: .data/logs/smtp4dev.log)"
  (exec dotnet tool run smtp4dev -- --urls="$MAIL_URL" --smtpport=$SMTP_PORT --imapport= --pop3port= --db= \
    --nousersettings --baseappdatapath="$ROOT/.data/smtp4dev") >.data/logs/smtp4dev.log 2>&1 &
  pids+=($!)
  if wait_for_port $SMTP_PORT 60; then
    # 'dotnet tool run' starts smtp4dev as a child process: record it too, so Ctrl-C stops it.
    pids+=($(pgrep -P "${pids[-1]}" || true))
    [ -f .data/email-token-secret ] || head -c 48 /dev/urandom | base64 | tr -d '\n' >.data/email-token-secret
    silo_mail=(Conversations__Email__SmtpHost=127.0.0.1 Conversations__Email__SmtpPort=$SMTP_PORT
      Conversations__Email__From=support@demo.local Conversations__Email__InboundSmtpPort=$INBOUND_SMTP_PORT
      Conversations__Email__TokenSecret="$(cat .data/email-token-secret)")
    mail_line="    Mail (smtp4dev)  $MAIL_URL   (sent mail; inbound SMTP on 127.0.0.1:$INBOUND_SMTP_PORT)"
  else
    echo "smtp4dev did not start (see .data/logs/smtp4dev.log); continuing without email." >&2
  fi
fi

log "Starting the silo (log: .data/logs/silo.log)"
(cd Silo && exec env "${silo_mail[@]}" dotnet "bin/$CONFIGURATION/net10.0/Conversations.Silo.dll") >.data/logs/silo.log 2>&1 &
pids+=($!)
wait_for_health "$SILO_URL/health" 120 "${pids[-1]}" || { tail -n 30 .data/logs/silo.log >&2; exit 1; }

log "Starting the web node (log: .data/logs/web.log)"
# The web node seeds the demo property and its admin on start (kept if they exist).
(cd Web && Conversations__Seed__PropertyId=demo Conversations__Seed__PropertyName="Acme Widgets (demo)" \
  Conversations__Seed__AdminEmail="$DEMO_EMAIL" Conversations__Seed__AdminPassword="$DEMO_PASSWORD" \
  Conversations__Seed__AdminName="Demo Admin" \
  exec dotnet "bin/$CONFIGURATION/net10.0/Conversations.Web.dll") >.data/logs/web.log 2>&1 &
pids+=($!)
wait_for_health "$WEB_URL/health" 120 "${pids[-1]}" || { tail -n 30 .data/logs/web.log >&2; exit 1; }

cat <<INFO

  Conversations is running.
    Console      $WEB_URL/
    Sign-in      $DEMO_EMAIL  /  $DEMO_PASSWORD
    Demo site    $WEB_URL/demo.html?property=demo   (the visitor side: start a chat here)
    OpenAPI      $WEB_URL/api/v1/openapi.json
    Dashboard    $SILO_URL/dashboard   (Orleans)
$mail_line
    Logs         .data/logs/

  Press Ctrl-C to stop.
INFO

# Any job of this script (smtp4dev's child process is in pids for stopping, but is no job to wait for).
wait -n || true
echo "A process stopped unexpectedly; see .data/logs/." >&2
exit 1

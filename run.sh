#!/usr/bin/env bash
# Installs what is missing, starts Azurite, the silo and the web node, and serves the console.
# Ctrl-C stops everything this script started. Data lives in .data/ and survives restarts.
#   ./run.sh --silos N --web M   N silos and M web nodes; with M > 1 a load balancer (LoadBalancer/, YARP) serves
#                                them all at the one URL below. Several nodes use Azure Queue streams (Azurite).
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$ROOT"

SILOS=1
WEBS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) SILOS="${2:?--silos needs a number}"; shift 2 ;;
    --web) WEBS="${2:?--web needs a number}"; shift 2 ;;
    *) echo "Unknown option $1 (use --silos N --web M)" >&2; exit 2 ;;
  esac
done
if ! [[ "$SILOS" =~ ^[1-9]$ && "$WEBS" =~ ^[1-9]$ ]]; then
  echo "--silos and --web take 1 to 9." >&2
  exit 2
fi

WEB_URL="http://127.0.0.1:5080"
DEMO_EMAIL="admin@demo.local"
DEMO_PASSWORD="demo-admin-2026"
SILO_URL="http://127.0.0.1:5081"
MAIL_URL="http://127.0.0.1:5082"
SMTP_PORT=2525
INBOUND_SMTP_PORT=2526
# Silo i: cluster port 11111+i, gateway 30000+i, dashboard and health on 5081 (silo 0) or 5100+i; web node j: 5090+j behind
# the load balancer on 5080 (a single web node listens on 5080 itself).
silo_http_port() { if [ "$1" = 0 ]; then echo 5081; else echo $((5100 + $1)); fi; }
web_port() { if [ "$WEBS" = 1 ]; then echo 5080; else echo $((5090 + $1)); fi; }
node_ports=()
for ((i = 0; i < SILOS; i++)); do node_ports+=($((11111 + i)) $((30000 + i)) "$(silo_http_port $i)"); done
for ((j = 0; j < WEBS; j++)); do node_ports+=("$(web_port $j)"); done
for port in 10000 10001 10002 5080 5082 $SMTP_PORT $INBOUND_SMTP_PORT "${node_ports[@]}"; do
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

cluster=()
if [ "$SILOS" -gt 1 ] || [ "$WEBS" -gt 1 ]; then
  # Several nodes: streams on Azure queues (Azurite), as in the cloud, so events in flight survive a silo's death.
  cluster=(Conversations__Streams=AzureQueue Conversations__StreamQueueCount=$((SILOS * 4 > 8 ? SILOS * 4 : 8)))
fi

for ((i = 0; i < SILOS; i++)); do
  name=silo; [ "$SILOS" -gt 1 ] && name="silo-$i"
  log "Starting $name (log: .data/logs/$name.log)"
  # Only one silo listens for inbound mail (the port is single).
  mail=()
  for setting in "${silo_mail[@]}"; do
    [[ "$i" -gt 0 && "$setting" == Conversations__Email__InboundSmtpPort=* ]] || mail+=("$setting")
  done
  (cd Silo && exec env "${cluster[@]}" "${mail[@]}" Urls="http://127.0.0.1:$(silo_http_port $i)" \
    Conversations__Silo__SiloPort=$((11111 + i)) Conversations__Silo__GatewayPort=$((30000 + i)) \
    dotnet "bin/$CONFIGURATION/net10.0/Conversations.Silo.dll") >".data/logs/$name.log" 2>&1 &
  pids+=($!)
  wait_for_health "http://127.0.0.1:$(silo_http_port $i)/health" 120 "${pids[-1]}" || { tail -n 30 ".data/logs/$name.log" >&2; exit 1; }
done

web_nodes=()
for ((j = 0; j < WEBS; j++)); do
  name=web; [ "$WEBS" -gt 1 ] && name="web-$j"
  log "Starting $name (log: .data/logs/$name.log)"
  behind_balancer=()
  [ "$WEBS" -gt 1 ] && behind_balancer=(Conversations__TrustForwardedFor=true)
  # The web node seeds the demo property and its admin on start (kept if they exist).
  (cd Web && Conversations__Seed__PropertyId=demo Conversations__Seed__PropertyName="Acme Widgets (demo)" \
    Conversations__Seed__AdminEmail="$DEMO_EMAIL" Conversations__Seed__AdminPassword="$DEMO_PASSWORD" \
    Conversations__Seed__AdminName="Demo Admin" \
    exec env "${cluster[@]}" "${behind_balancer[@]}" Urls="http://127.0.0.1:$(web_port $j)" \
    dotnet "bin/$CONFIGURATION/net10.0/Conversations.Web.dll") >".data/logs/$name.log" 2>&1 &
  pids+=($!)
  wait_for_health "http://127.0.0.1:$(web_port $j)/health" 120 "${pids[-1]}" || { tail -n 30 ".data/logs/$name.log" >&2; exit 1; }
  web_nodes+=("LoadBalancer__WebNodes__$j=http://127.0.0.1:$(web_port $j)")
done

if [ "$WEBS" -gt 1 ]; then
  log "Starting the load balancer on $WEB_URL (log: .data/logs/load-balancer.log)"
  (cd LoadBalancer && exec env "${web_nodes[@]}" Urls="$WEB_URL" \
    dotnet "bin/$CONFIGURATION/net10.0/Conversations.LoadBalancer.dll") >.data/logs/load-balancer.log 2>&1 &
  pids+=($!)
  wait_for_health "$WEB_URL/health" 60 "${pids[-1]}" || { tail -n 30 .data/logs/load-balancer.log >&2; exit 1; }
fi

cat <<INFO

  Conversations is running.
    Nodes        $SILOS silo(s), $WEBS web node(s)$([ "$WEBS" -gt 1 ] && echo " behind the load balancer")
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

#!/usr/bin/env bash
# NotesSlices as deployed: nginx (deploy/nginx/notesslices.conf, TLS on loopback) in front of two API instances on one
# embedded engine, checked by tools/cluster/checks.mjs against the Release build. Installs nginx with apt-get when it is
# missing (as root). Ends with "N passed, N failed". Run from the repository root, after `dotnet build -c Release`;
# KEEP_CLUSTER_LOGS=1 keeps the instances' and nginx's logs (api-*.log, nginx*/logs/) for a look at a failure.
set -uo pipefail
source tools/lib.sh

work=$(mktemp -d)
ENGINE_PID=""
# The checks pause the engine; whatever happens, it is woken before it is stopped. KEEP_CLUSTER_LOGS=1 keeps the logs.
cleanup() {
  [[ -n "$ENGINE_PID" ]] && kill -CONT "$ENGINE_PID" 2>/dev/null
  stop_process "$ENGINE_PID"
  if [[ -n "${KEEP_CLUSTER_LOGS:-}" ]]; then echo "The logs are in $work (api-*.log, nginx*/logs/)." >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

give_up() {
  echo "$*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

install_package nginx /usr/sbin/nginx "The multi-instance tests" || give_up "nginx is missing."
[[ -f Notes.Api/bin/Release/net10.0/Notes.Api.dll ]] || give_up "No Release build: run 'dotnet build -c Release' first."
npm_install tools/mongo-engine >/dev/null && npm_install tools/mongo-snapshot >/dev/null || give_up "npm ci failed."

# A throwaway certificate for 127.0.0.1, which the checks trust and nginx serves.
mkdir "$work/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$work/tls/privkey.pem" -out "$work/tls/fullchain.pem" 2>/dev/null ||
  give_up "openssl could not make a certificate."
# nginx runs as nobody when this runs as root: it must reach its files, and nothing else here.
if [[ $(id -u) -eq 0 ]]; then
  chmod 711 "$work"
  chown -R nobody:nogroup "$work/tls"
fi

start_engine >/dev/null || give_up "The engine did not start."
ENGINE_URI=$ENGINE_URI ENGINE_PID=$ENGINE_PID CLUSTER_WORK=$work node tools/cluster/checks.mjs

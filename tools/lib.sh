# Shell helpers shared by run.sh and test.sh. Source it from the repository root.

engine_binary=tools/mongo-engine/node_modules/@jongodb/memory-server-bin-linux-x64-gnu/bin/jongodb
snapshot_tool=tools/mongo-snapshot/snapshot.mjs

# The environment the shell scripts start the API in (deploy/Dockerfile sets the same), each side by side in bench/variants.sh:
# - One malloc arena for the process: glibc gives a thread an arena of its own when it allocates at once with another, and
#   each keeps what it once held; the runtime and the JIT allocate on whichever thread first runs a method, so under the
#   benchmark's read load five arenas held 24 MB. 159 against 169 MB peak RSS, CPU per request 0.96-1.04 x.
# - No cache of the JIT's freed working memory: by default the runtime keeps up to 16 MB of it for the JIT's next methods,
#   out of malloc's reach; given back, malloc serves it to whatever asks next (the heap held 7 against 14 MB under load).
#   144 against 150 MB peak RSS, CPU per request 0.81-1.04 x. A knob of the runtime's that only the environment sets.
api_env=(MALLOC_ARENA_MAX=1 DOTNET_JitHostMaxSlabCache=0)

log() { printf '\n==> %s\n' "$*"; }

# A test step that is not a test runner counts as one check, passed or failed, in the caller's passed and failed.
check() {
  local name=$1
  shift
  log "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; echo "- $name" >>"${FAILURES:-/dev/null}"; fi
}

# Installs a Debian package with apt-get when its program is missing and this runs as root; otherwise says what to run.
install_package() {
  local package=$1 program=$2 who=$3
  [[ -x "$program" ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "$who need $program: run 'sudo apt-get install -y $package' and try again." >&2
    return 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

# Prints a TCP port that is free on the loopback interface right now.
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Installs an npm folder's locked dependencies unless they are already in place for that lock.
npm_install() {
  local dir=$1
  if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
}

# Starts the in-memory MongoDB-compatible engine on a free port, with any more engine arguments given; sets ENGINE_PID and ENGINE_URI.
start_engine() {
  local out
  out=$(mktemp)
  # In a session of its own: Ctrl+C in a terminal signals the whole process group at once, and the engine must outlive
  # the API (run.sh takes its last save in between). Whoever starts it stops it by its id.
  setsid "$engine_binary" --host=127.0.0.1 --port="$(free_port)" "$@" >"$out" 2>&1 &
  ENGINE_PID=$!
  for _ in $(seq 1 100); do
    ENGINE_URI=$(sed -n 's/^JONGODB_URI=//p' "$out")
    [[ -n "$ENGINE_URI" ]] && return 0
    kill -0 "$ENGINE_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "The embedded MongoDB engine did not start:" >&2
  cat "$out" >&2
  return 1
}

# Waits until a URL answers 200, for at most about 60 seconds.
wait_for() {
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "Nothing answered at $1" >&2
  return 1
}

# Starts the Release-built API on a free port against ENGINE_URI, with a throwaway signing key, and waits until it is
# healthy; sets API_PID and API_URL. The first argument is the log file; more settings follow as NAME=value. API_DLL, when
# set, names another build of the API to run (bench/variants.sh compares builds so).
start_api() {
  local log=$1
  shift
  API_URL=http://127.0.0.1:$(free_port)
  env "${api_env[@]}" ASPNETCORE_URLS="$API_URL" Mongo__ConnectionString="$ENGINE_URI" Auth__SigningKey="$(head -c 48 /dev/urandom | base64)" "$@" \
    dotnet "${API_DLL:-Notes.Api/bin/Release/net10.0/Notes.Api.dll}" --contentRoot "$PWD/Notes.Api" >"$log" 2>&1 &
  API_PID=$!
  wait_for "$API_URL/healthz" || { cat "$log" >&2; return 1; }
}

# Starts the engine in its replica-set profile, whose snapshot reads save every collection at one point in time; sets
# ENGINE_PID and ENGINE_URI.
start_snapshot_engine() {
  start_engine --topology-profile=singleNodeReplicaSet || return 1
  # The .NET driver's streaming heartbeat fails against this profile's hello (it pauses the pool); polling works.
  ENGINE_URI="$ENGINE_URI&serverMonitoringMode=poll"
}

# Starts the embedded engine on the data of a folder: restores its newest snapshot (refusing a damaged one), then saves
# every NOTES_SNAPSHOT_INTERVAL seconds (default 10) when something changed; sets ENGINE_PID, ENGINE_URI and KEEPER_PID.
start_embedded() {
  local data_dir=$1
  start_snapshot_engine || return 1
  if ! node "$snapshot_tool" restore "$ENGINE_URI" "$data_dir"; then
    stop_embedded
    return 1
  fi
  node "$snapshot_tool" keep "$ENGINE_URI" "$data_dir" "${NOTES_SNAPSHOT_INTERVAL:-10}" &
  KEEPER_PID=$!
}

# Takes the last save, then stops the engine. Stop the API first, so that no write comes after that save.
stop_embedded() {
  stop_process "${KEEPER_PID:-}"
  stop_process "${ENGINE_PID:-}"
  KEEPER_PID="" ENGINE_PID=""
}

# Stops the API and waits until it has finished its requests.
stop_api() {
  stop_process "${API_PID:-}"
  API_PID=""
}

# Sends SIGTERM to a process this shell started, if any, and waits until it has exited.
stop_process() {
  [[ -n "$1" ]] || return 0
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

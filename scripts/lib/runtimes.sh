# Shared by scripts/test and scripts/demo: find a JDK and make a container engine answer.
# Sourced, not run. Functions only print to stderr and never kill a process they did not start.

FLOTILLA_STATE_DIR="${FLOTILLA_STATE_DIR:-/tmp/flotilla-runtimes}"

log() { printf '[flotilla] %s\n' "$*" >&2; }

is_root() { [ "$(id -u)" = 0 ]; }

# Installs Debian packages that are missing (root only). Arguments: package names.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ "${#missing[@]}" = 0 ] && return 0
  if ! is_root; then
    log "missing Debian packages: ${missing[*]} (run as root, or install them: apt-get install -y ${missing[*]})"
    return 1
  fi
  log "installing ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Picks a JDK 21+ for Maven: the Temurin 25 on these machines when present, else JAVA_HOME, else `java`.
ensure_java() {
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  local version
  version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  if [ -z "$version" ] || [ "${version%%.*}" -lt 21 ]; then
    log "Flotilla needs JDK 21 or newer to build (found: ${version:-none}); set JAVA_HOME"
    return 1
  fi
}

docker_answers() { timeout 10 docker version >/dev/null 2>&1; }

# Makes a Docker engine answer: reuses DOCKER_HOST or the default socket, or (as root) installs and starts one.
ensure_docker() {
  if ! command -v docker >/dev/null 2>&1 || ! command -v dockerd >/dev/null 2>&1 || [ ! -x /bin/busybox ] \
      || ! ldd /bin/busybox 2>&1 | grep -q 'not a dynamic'; then
    apt_install docker.io busybox-static || return 1
  fi
  if docker_answers; then
    log "using the Docker engine at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
    return 0
  fi
  if ! is_root || [ -n "${DOCKER_HOST:-}" ]; then
    log "no Docker engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}; start one (dockerd) or set DOCKER_HOST"
    return 1
  fi
  mkdir -p "$FLOTILLA_STATE_DIR"
  log "starting dockerd (log: $FLOTILLA_STATE_DIR/dockerd.log)"
  setsid dockerd >"$FLOTILLA_STATE_DIR/dockerd.log" 2>&1 < /dev/null &
  echo $! > "$FLOTILLA_STATE_DIR/dockerd.pid"
  local i
  for i in $(seq 1 120); do
    docker_answers && { log "dockerd is up"; return 0; }
    sleep 0.5
  done
  log "dockerd did not answer within 60 s; see $FLOTILLA_STATE_DIR/dockerd.log"
  tail -20 "$FLOTILLA_STATE_DIR/dockerd.log" >&2 || true
  return 1
}

# Starts (as root) a second Docker engine on tcp://127.0.0.1:23750 — the "remote host" of multi-host tests — and
# exports FLOTILLA_DOCKER_REMOTE. Reuses one that answers; without root, uses FLOTILLA_DOCKER_REMOTE if set.
ensure_second_docker() {
  local address="${FLOTILLA_DOCKER_REMOTE:-tcp://127.0.0.1:23750}"
  if timeout 10 docker -H "$address" version >/dev/null 2>&1; then
    export FLOTILLA_DOCKER_REMOTE="$address"
    log "using the second Docker engine at $address"
    return 0
  fi
  if ! is_root || [ "$address" != "tcp://127.0.0.1:23750" ]; then
    log "no second Docker engine answers at $address: multi-host tests will be skipped"
    unset FLOTILLA_DOCKER_REMOTE
    return 0
  fi
  local dir="$FLOTILLA_STATE_DIR/node2"
  mkdir -p "$dir"
  log "starting a second dockerd on $address (log: $dir/dockerd.log)"
  # its own address pool: both engines share one kernel, and Docker's default 172.x pools overlap when two engines
  # allocate at the same moment
  setsid dockerd --host "$address" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/pid" \
    --bridge none --iptables=false --default-address-pool base=10.213.0.0/16,size=24 \
    >"$dir/dockerd.log" 2>&1 < /dev/null &
  local i
  for i in $(seq 1 120); do
    if timeout 10 docker -H "$address" version >/dev/null 2>&1; then
      export FLOTILLA_DOCKER_REMOTE="$address"
      return 0
    fi
    sleep 0.5
  done
  log "the second dockerd did not answer within 60 s; see $dir/dockerd.log"
  return 1
}

# A standalone containerd with its CRI plugin for Flotilla's containerd tests, beside (never instead of) the
# containerd that Docker runs. Sourced, not run; needs scripts/lib/runtimes.sh sourced first (log, is_root,
# apt_install, ensure_docker, FLOTILLA_STATE_DIR).
#
#   ensure_containerd   makes a CRI socket answer under $FLOTILLA_STATE_DIR/containerd, imports the test images
#                       into its k8s.io namespace, and exports FLOTILLA_CONTAINERD_SOCKET=unix://.../containerd.sock
#
# It reuses an instance whose socket already answers and never stops a process it did not start.

FLOTILLA_CONTAINERD_SUBNET="${FLOTILLA_CONTAINERD_SUBNET:-10.88.47.0/24}"

containerd_dir() { printf '%s/containerd' "$FLOTILLA_STATE_DIR"; }

containerd_answers() {
  timeout 10 ctr -a "$(containerd_dir)/containerd.sock" version >/dev/null 2>&1
}

# Writes config.toml and the CNI network (bridge + host-local + portmap on its own subnet and bridge name).
write_containerd_config() {
  local dir
  dir=$(containerd_dir)
  mkdir -p "$dir/root" "$dir/state" "$dir/cni/net.d" "$dir/pods"
  cat >"$dir/config.toml" <<TOML
version = 2
root = "$dir/root"
state = "$dir/state"

[grpc]
  address = "$dir/containerd.sock"

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "docker.io/flotilla-test/pause:1"
  # this machine refuses negative oom_score_adj values: without this runc fails with
  # "can't get final child's PID from pipe: EOF"
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$dir/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
TOML
  cat >"$dir/cni/net.d/10-flotilla.conflist" <<JSON
{
  "cniVersion": "0.4.0",
  "name": "flotilla-containerd",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "flotilla-ctd0",
      "isGateway": true,
      "ipMasq": true,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "$FLOTILLA_CONTAINERD_SUBNET"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
JSON
}

# Creates the CNI bridge with its gateway address before the first pod does (the bridge plugin adopts it), so the
# cluster DNS can listen on the gateway from the start. Assumes a subnet of the form a.b.c.0/NN (gateway a.b.c.1).
ensure_containerd_bridge() {
  is_root && command -v ip >/dev/null 2>&1 || return 0
  local gateway="${FLOTILLA_CONTAINERD_SUBNET%.0/*}.1/${FLOTILLA_CONTAINERD_SUBNET#*/}"
  ip link show flotilla-ctd0 >/dev/null 2>&1 || ip link add flotilla-ctd0 type bridge
  ip addr show dev flotilla-ctd0 | grep -q "inet ${gateway} " || ip addr add "$gateway" dev flotilla-ctd0
  ip link set flotilla-ctd0 up
}

# Lets pods on the containerd bridge reach each other: Docker sets the FORWARD policy to DROP and, with
# bridge-nf-call-iptables, that also drops traffic between two ports of the same bridge. Idempotent.
allow_containerd_pod_traffic() {
  is_root && command -v iptables >/dev/null 2>&1 || return 0
  local rule=(FORWARD -i flotilla-ctd0 -o flotilla-ctd0 -j ACCEPT)
  iptables -C "${rule[@]}" 2>/dev/null || iptables -I "${rule[@]}"
}

# Imports one image from the Docker engine into containerd's k8s.io namespace unless it is there already.
import_containerd_image() {
  local image=$1 sock
  sock="$(containerd_dir)/containerd.sock"
  if ctr -a "$sock" -n k8s.io images ls -q 2>/dev/null | grep -qx "docker.io/$image"; then
    return 0
  fi
  log "importing $image from Docker into containerd (k8s.io namespace)"
  docker save "$image" | ctr -a "$sock" -n k8s.io images import - >/dev/null
}

ensure_containerd() {
  if ! command -v containerd >/dev/null 2>&1 || ! command -v ctr >/dev/null 2>&1 || [ ! -x /usr/lib/cni/bridge ]; then
    apt_install containerd containernetworking-plugins || return 1
  fi
  local dir
  dir=$(containerd_dir)
  if ! containerd_answers; then
    if ! is_root; then
      log "no containerd answers at $dir/containerd.sock and starting one needs root"
      return 1
    fi
    write_containerd_config
    log "starting containerd (config: $dir/config.toml, log: $dir/containerd.log)"
    setsid containerd --config "$dir/config.toml" >"$dir/containerd.log" 2>&1 < /dev/null &
    echo $! > "$dir/containerd.pid"
    local i
    for i in $(seq 1 120); do
      containerd_answers && break
      sleep 0.5
    done
    if ! containerd_answers; then
      log "containerd did not answer within 60 s; see $dir/containerd.log"
      tail -20 "$dir/containerd.log" >&2 || true
      return 1
    fi
    log "containerd is up"
  else
    log "using the containerd at $dir/containerd.sock"
  fi
  ensure_containerd_bridge
  allow_containerd_pod_traffic
  # the test images are built on Docker by the testkit; build them once here if Docker does not have them yet
  if ! docker image inspect flotilla-test/busybox:1 flotilla-test/pause:1 >/dev/null 2>&1; then
    build_test_images_with_docker || return 1
  fi
  import_containerd_image flotilla-test/pause:1 || return 1
  import_containerd_image flotilla-test/busybox:1 || return 1
  export FLOTILLA_CONTAINERD_SOCKET="unix://$dir/containerd.sock"
  log "FLOTILLA_CONTAINERD_SOCKET=$FLOTILLA_CONTAINERD_SOCKET"
}

# Builds the two test images the way the testkit's TestImages does (FROM scratch + the static busybox).
build_test_images_with_docker() {
  local ctx
  ctx=$(mktemp -d)
  cp /bin/busybox "$ctx/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["/bin/sh"]\n' \
    >"$ctx/Dockerfile"
  docker build -q -t flotilla-test/busybox:1 "$ctx" >/dev/null || { rm -rf "$ctx"; return 1; }
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["/bin/busybox", "sleep", "2147483647"]\n' \
    >"$ctx/Dockerfile"
  docker build -q -t flotilla-test/pause:1 "$ctx" >/dev/null || { rm -rf "$ctx"; return 1; }
  rm -rf "$ctx"
}

#!/usr/bin/env bash
# bench/startup.sh [RUNS] — how long a start takes, whole process, under
# a private Xvfb: `parcours bench-map-5000.parcours` (the map of
# parcours-bench: 5 000 cards, 500 emotion points) until its window shows
# and until the first frame painted with the map, against
# gnome-text-editor until its empty window shows. Each program starts
# RUNS times (default 7, after one warm-up run each) with empty settings
# and state folders; the medians are printed as "NAME VALUE ms" lines:
#
#   startup_parcours_window_ms      the window is on screen (xdotool sees it)
#   startup_parcours_map_frame_ms   the first frame with the map (PARCOURS_REPORT_FIRST_FRAME)
#   startup_text_editor_window_ms   gnome-text-editor's window is on screen
#
# and, less sensitive to a busy machine, the processor time each process
# had used by then (from /proc, in steps of 10 ms):
#
#   startup_parcours_map_frame_cpu_ms, startup_text_editor_window_cpu_ms
#
# Needs a build (BUILDDIR, default _build), Xvfb, xdotool, dbus-run-session
# and gnome-text-editor (Debian's package of that name). Run it on a quiet
# machine: it measures wall-clock time.

set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BUILDDIR:-$top/_build}
runs=${1:-7}

for tool in Xvfb xdotool dbus-run-session gdbus gnome-text-editor; do
  command -v "$tool" >/dev/null || { echo "bench/startup.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$builddir/src/parcours" ] || { echo "bench/startup.sh: build first (no $builddir/src/parcours)" >&2; exit 2; }

# One session bus for every run, so that no run pays for starting one.
if [ -z "${PARCOURS_STARTUP_IN_BUS:-}" ]; then
  # (the bus's own chatter about activations is left out)
  PARCOURS_STARTUP_IN_BUS=1 exec dbus-run-session -- "$0" "$@" 2> >(grep -v '^dbus-daemon\|^SpiRegistry' >&2)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/parcours-startup.XXXXXX")
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Xvfb picks a free display itself and writes its number once it takes
# connections: a number found free here could be taken by another run
# before Xvfb starts, and the runs would then use someone else's display.
# -noreset: by default an X server resets when its last client leaves,
# and a program that connects meanwhile gets "cannot open display" and
# ends at once (between two runs, nothing else is connected).
Xvfb -displayfd 3 -noreset -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$work/display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || { echo "bench/startup.sh: Xvfb did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/display" ] || { echo "bench/startup.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -n 1 "$work/display")"

map=$work/bench-map-5000.parcours
"$builddir/bench/parcours-bench" --write-map "$map"

now_us() { date +%s%6N; }

# A home of its own for each run: no settings, no session to restore.
fresh_env() {
  local home=$work/home-$RANDOM$RANDOM
  mkdir -p "$home"
  echo "HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share"
  echo "XDG_STATE_HOME=$home/.local/state XDG_CACHE_HOME=$home/.cache"
}

# Waits until a window of process $1 (program $2, its messages in file
# $3) is visible; prints the time. A program that ends first says why.
wait_for_window() {
  local pid=$1 name=$2 log=$3
  for _ in $(seq 6000); do
    if xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; then
      now_us
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench/startup.sh: $name ended before showing a window; it said:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
  done
  echo "bench/startup.sh: no window after a long wait" >&2
  exit 1
}

# The processor time process $1 used so far, in ms.
cpu_ms() {
  local ticks
  ticks=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# Ends process $1, and waits until the bus has let its name go: a start
# that found it still taken would hand its file to the old instance.
stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  for _ in $(seq 200); do
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner io.github.parcours.Parcours 2>/dev/null \
      | grep -q false && return 0
    sleep 0.01
  done
  # The next start would only hand its map over, and end
  echo "bench/startup.sh: io.github.parcours.Parcours is still taken on the session bus" >&2
  exit 1
}

# One start of Parcours: "WINDOW_MS MAP_FRAME_MS"
run_parcours() {
  local out=$work/parcours.out log=$work/parcours.log start shown frame pid
  : > "$out"
  # shellcheck disable=SC2046
  start=$(now_us)
  env $(fresh_env) GSETTINGS_SCHEMA_DIR="$builddir/data" GSK_RENDERER=${GSK_RENDERER:-cairo} \
    GDK_BACKEND=x11 NO_AT_BRIDGE=1 PARCOURS_REPORT_FIRST_FRAME=1 \
    "$builddir/src/parcours" "$map" > "$out" 2>"$log" &
  pid=$!
  shown=$(wait_for_window "$pid" Parcours "$log")
  for _ in $(seq 3000); do
    grep -q '^first-frame-us ' "$out" && break
    sleep 0.01
  done
  frame=$(sed -n 's/^first-frame-us //p' "$out")
  cpu=$(cpu_ms "$pid")
  stop "$pid"
  [ -n "$frame" ] || { echo "bench/startup.sh: Parcours reported no frame" >&2; exit 1; }
  echo "$(( (shown - start) / 1000 )) $(( (frame - start) / 1000 )) $cpu"
}

run_text_editor() {
  local log=$work/text-editor.log start shown pid
  # shellcheck disable=SC2046
  start=$(now_us)
  env $(fresh_env) GSK_RENDERER=${GSK_RENDERER:-cairo} GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
    gnome-text-editor --standalone >"$log" 2>&1 &
  pid=$!
  shown=$(wait_for_window "$pid" "Text Editor" "$log")
  cpu=$(cpu_ms "$pid")
  stop "$pid"
  echo "$(( (shown - start) / 1000 )) $cpu"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

run_parcours >/dev/null
run_text_editor >/dev/null

parcours_window=() parcours_frame=() parcours_cpu=() editor_window=() editor_cpu=()
for _ in $(seq "$runs"); do
  read -r shown frame cpu < <(run_parcours)
  parcours_window+=("$shown") parcours_frame+=("$frame") parcours_cpu+=("$cpu")
  read -r shown cpu < <(run_text_editor)
  editor_window+=("$shown") editor_cpu+=("$cpu")
done

echo "# $runs runs each; every run: ${parcours_frame[*]} (Parcours, map frame) / ${editor_window[*]} (Text Editor)" >&2
echo "startup_parcours_window_ms $(printf '%s\n' "${parcours_window[@]}" | median) ms"
echo "startup_parcours_map_frame_ms $(printf '%s\n' "${parcours_frame[@]}" | median) ms"
echo "startup_text_editor_window_ms $(printf '%s\n' "${editor_window[@]}" | median) ms"
echo "startup_parcours_map_frame_cpu_ms $(printf '%s\n' "${parcours_cpu[@]}" | median) ms"
echo "startup_text_editor_window_cpu_ms $(printf '%s\n' "${editor_cpu[@]}" | median) ms"

#!/usr/bin/env bash
# A test file's fixed cost, this checkout against a baseline checkout (its own clone, `npm ci` and `npm run build`
# done), in interleaved rounds:
#
#   bash bench/fixed-cost-compare.sh <baseline dir> [rounds, default 5] [integration files...]
#
# First the CPU (user) of loading the hub's modules in plain Node (`require('./dist/hub/hub.js')`) and the number of
# files it loads; then, for each file given (KAFKA_BROKERS set, as for any integration file run alone), the file run
# alone under Jest (`npx jest <file> -i`): its CPU (user + system, Jest and its worker) and wall time. A first,
# uncounted round warms each side's Jest transform cache. Prints each round with the load average, then each side's
# medians and new / old (a failed run is left out, its output kept).
set -euo pipefail
old=$(cd "$1" && pwd)
rounds=${2:-5}
shift 2 || shift $#
new=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

for round in $(seq 1 "$rounds"); do
  for side in new old; do
    dir=$new
    [ "$side" = old ] && dir=$old
    files=$(cd "$dir" && node -e "require('./dist/hub/hub.js'); console.log(Object.keys(require.cache).length)")
    cpu=$(cd "$dir" && { /usr/bin/time -f %U node -e "require('./dist/hub/hub.js')" 2>&1 >/dev/null; } | tail -1)
    echo "modules round $round $side: ${cpu} s user CPU, $files files (load $(load))"
    echo "modules $side $cpu" >>"$log"
  done
done

if [ $# -gt 0 ]; then
  [ -n "${KAFKA_BROKERS:-}" ] || { echo "KAFKA_BROKERS must be set to run integration files" >&2; exit 1; }
  for round in $(seq 0 "$rounds"); do
    for file in "$@"; do
      for side in new old; do
        dir=$new
        [ "$side" = old ] && dir=$old
        out=$(cd "$dir" && { /usr/bin/time -f '%U %S %e' npx jest "$file" -i >/dev/null 2>"$log.err"; tail -1 "$log.err"; })
        read -r user sys wall <<<"$out"
        cpu=$(echo "$user + $sys" | bc)
        passed=$(grep -Eo 'Tests: +[0-9]+ passed' "$log.err" | head -1 || true)
        if [ "$round" = 0 ]; then
          echo "warm-up $side $file: $cpu s CPU, $wall s wall"
          continue
        fi
        if [ -z "$passed" ]; then
          kept=$(mktemp /tmp/fixed-cost-failed.XXXXXX)
          cp "$log.err" "$kept"
          echo "jest round $round $side $file: FAILED after $wall s (load $(load)), left out; its output: $kept"
          continue
        fi
        echo "jest round $round $side $file: $cpu s CPU, $wall s wall, $passed (load $(load))"
        echo "$(basename "$file") $side $cpu $wall" >>"$log"
      done
    done
  done
  rm -f "$log.err"
fi

awk 'function median(list, a, n) { n = split(substr(list, 2), a, " "); asort(a); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  $1 == "modules" { m[$2] = m[$2] " " $3; next }
  { key = $1; keys[key] = 1; c[key, $2] = c[key, $2] " " $3; w[key, $2] = w[key, $2] " " $4 }
  END {
    printf "modules (user CPU, s): new median %.2f over%s; old median %.2f over%s; new / old %.2f\n",
      median(m["new"]), m["new"], median(m["old"]), m["old"], median(m["new"]) / median(m["old"])
    for (k in keys) {
      printf "%s CPU (s): new median %.1f over%s; old median %.1f over%s; new / old %.2f\n", k,
        median(c[k, "new"]), c[k, "new"], median(c[k, "old"]), c[k, "old"], median(c[k, "new"]) / median(c[k, "old"])
      printf "%s wall (s): new median %.1f over%s; old median %.1f over%s; new / old %.2f\n", k,
        median(w[k, "new"]), w[k, "new"], median(w[k, "old"]), w[k, "old"], median(w[k, "new"]) / median(w[k, "old"])
    }
  }' "$log"

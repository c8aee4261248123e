#!/usr/bin/env bash
# The Kafka broker's CPU over a set of integration files, this checkout against a baseline checkout (its own clone,
# `npm ci` and `npm run build` done), in interleaved rounds:
#
#   bash bench/kafka-suite-compare.sh <baseline dir> [rounds, default 2] <integration files...>
#
# Each run starts a fresh secured broker of its own with its side's launcher (tools/kafka, as the Jest global setup
# starts it: SASL/SCRAM, 512 MB heap, the test broker's settings), on KAFKA_SUITE_PORT (29492) and the port after it,
# runs the files in one Jest run (`npx jest --maxWorkers=2 <files>`, KAFKA_BROKERS and KAFKA_CREDENTIALS_FILE pointing
# at that broker), then reads the broker's CPU (utime + stime in /proc/<pid>/stat, before and after Jest: the JVM's
# start is left out, and printed apart: its CPU from launch to ready), the partitions left in its log directory, and
# Jest's wall time and CPU (user + system of Jest and its workers, /usr/bin/time); with KAFKA_SUITE_IDLE_S=<s>, also
# the broker's CPU a minute over that many seconds of idle after the files. The order of the sides alternates each
# round. Prints each run with the load average, the broker's busiest threads, then each side's medians and new / old;
# a run with a failed test is left out, its output kept.
set -euo pipefail
old=$(cd "$1" && pwd)
rounds=${2:-2}
shift 2 || shift $#
[ $# -gt 0 ] || { echo "usage: $0 <baseline dir> [rounds] <integration files...>" >&2; exit 2; }
new=$(cd "$(dirname "$0")/.." && pwd)
port=${KAFKA_SUITE_PORT:-29492}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

run_side() {
  local side=$1 dir=$2 round=$3 scratch pid before after out user sys wall passed
  shift 3
  scratch=$(mktemp -d /tmp/kafka-suite.XXXXXX)
  # The jars Maven resolved for this checkout (the same pom.xml: copied from the other side when missing).
  [ -d "$dir/.local/kafka/lib" ] || { mkdir -p "$dir/.local/kafka" && cp -r "$new/.local/kafka/lib" "$dir/.local/kafka/"; }
  pid=$(cd "$dir" && node -e "
    const { startLocalKafka } = require('./dist/tools/kafka/local-kafka.js');
    const { loadOrCreateBrokerCredentials } = require('./dist/platform/events/broker-credentials.js');
    const { admin } = loadOrCreateBrokerCredentials('$scratch/credentials.json');
    startLocalKafka({ admin, projectRoot: '$dir', dataDir: '$scratch/broker', port: $port,
      controllerPort: $((port + 1)), heapMb: 512, forTests: true }).then((k) => console.log(k.pid));")
  before=$(ticks "$pid")
  out=$(cd "$dir" && KAFKA_BROKERS=127.0.0.1:$port KAFKA_CREDENTIALS_FILE=$scratch/credentials.json \
    /usr/bin/time -f '%U %S %e' npx jest --maxWorkers=2 "$@" >/dev/null 2>"$log.err" || true; tail -1 "$log.err")
  after=$(ticks "$pid")
  local partitions threads idle=''
  if [ "${KAFKA_SUITE_IDLE_S:-0}" -gt 0 ]; then
    sleep "$KAFKA_SUITE_IDLE_S"
    idle=", idle $(echo "scale=2; ($(ticks "$pid") - $after) * 60 / $KAFKA_SUITE_IDLE_S / $hz" | bc) s a minute"
  fi
  partitions=$(find "$scratch/broker/logs" -maxdepth 1 -type d -name '*-[0-9]*' ! -name '*-delete' | wc -l)
  threads=$(for t in /proc/"$pid"/task/*; do
    echo "$(awk '{print $14 + $15}' "$t/stat") $(tr ' ' '_' <"$t/comm")"
  done | awk '{ cpu[$2] += $1 } END { for (n in cpu) print cpu[n], n }' | sort -rn | head -6 |
    awk -v hz="$hz" '{ printf "%s %.1f s, ", $2, $1 / hz }')
  (cd "$dir" && node -e "require('./dist/tools/kafka/local-kafka.js').stopLocalKafka('$scratch/broker')")
  rm -rf "$scratch"
  read -r user sys wall <<<"$out"
  passed=$(grep -Eo 'Tests: .*' "$log.err" | tail -1 || true)
  local broker
  broker=$(echo "scale=1; ($after - $before) / $hz" | bc)
  if grep -qE 'Tests: .*failed' "$log.err" || [ -z "$passed" ]; then
    kept=$(mktemp /tmp/kafka-suite-failed.XXXXXX)
    cp "$log.err" "$kept"
    echo "round $round $side: FAILED ($passed) after $wall s (load $(load)), left out; its output: $kept"
    return
  fi
  echo "round $round $side: broker $broker s CPU (start $(echo "scale=2; $before / $hz" | bc) s$idle)," \
    "$partitions partitions left; Jest $wall s wall," \
    "$(echo "$user + $sys" | bc) s CPU; $passed (load $(load))"
  echo "  broker threads (since start): $threads"
  echo "$side $broker $wall $(echo "$user + $sys" | bc)" >>"$log"
}

for round in $(seq 1 "$rounds"); do
  sides="new old"
  [ $((round % 2)) = 0 ] && sides="old new"
  for side in $sides; do
    dir=$new
    [ "$side" = old ] && dir=$old
    run_side "$side" "$dir" "$round" "$@"
  done
done
rm -f "$log.err"

awk 'function median(list, a, n) { n = split(substr(list, 2), a, " "); asort(a); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { b[$1] = b[$1] " " $2; w[$1] = w[$1] " " $3; c[$1] = c[$1] " " $4 }
  END {
    split("broker_CPU jest_wall jest_CPU", names, " ")
    for (i = 1; i <= 3; i++) {
      what = names[i]; nv = (i == 1) ? b["new"] : (i == 2) ? w["new"] : c["new"]; ov = (i == 1) ? b["old"] : (i == 2) ? w["old"] : c["old"]
      if (nv == "" || ov == "") continue
      printf "%s (s): new median %.1f over%s; old median %.1f over%s; new / old %.2f\n", what,
        median(nv), nv, median(ov), ov, median(nv) / median(ov)
    }
  }' "$log"

#!/usr/bin/env bash
# The complaints CSV import before and after the staged, set-based path, in interleaved rounds with the same bench
# driver (bench/complaints-rates.ts of this checkout, run against a build of the baseline commit):
#
#   npm run bench:complaints:compare -- [rounds, default 2] [orders, default 100000] [baseline commit, default 5a76077]
#
# The order of the sides alternates each round (new, old; then old, new; …). Prints each round's figures, then the
# median orders/s of each side and their ratio (new / old: above 1 is faster), and the median CPU time per order (the
# bench process's and its PostgreSQL backends'), which the load of other jobs does not stretch, and its ratio
# (new / old: below 1 is cheaper). Each run makes and drops its own database; the baseline is built in a temporary
# directory (git archive, this checkout's node_modules).
set -euo pipefail
rounds=${1:-2}
orders=${2:-100000}
base=${3:-5a76077}
here=$(cd "$(dirname "$0")/.." && pwd)
old=$(mktemp -d /tmp/complaints-baseline.XXXXXX)
log=$(mktemp)
trap 'rm -rf "$old" "$log"' EXIT
git -C "$here" archive "$base" | tar -x -C "$old"
ln -s "$here/node_modules" "$old/node_modules"
(cd "$here" && npm run build --silent)
(cd "$old" && npx tsc -p tsconfig.build.json)
cp "$here/dist/bench/complaints-rates.js" "$old/dist/bench/complaints-rates.js"
for round in $(seq 1 "$rounds"); do
  sides="new old"
  [ $((round % 2)) = 0 ] && sides="old new"
  for side in $sides; do
    dir=$here
    [ "$side" = old ] && dir=$old
    echo "== round $round, $side ($(cut -d' ' -f1-3 /proc/loadavg) load)"
    (cd "$dir" && node dist/bench/complaints-rates.js 10000 "$orders" "$orders") |
      grep -E 'CSV import|rates for the city' |
      tee >(sed -n "s/^CSV import.* s, \([0-9,]*\) orders\/s.* \([0-9]*\) µs per order.*/$side \1 \2/p" | tr -d , >>"$log")
  done
done
sleep 1
awk 'function median(list, a, n) { n = split(substr(list, 2), a, " "); asort(a); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { v[$1] = v[$1] " " $2; c[$1] = c[$1] " " $3 } END {
  for (s in v) { m[s] = median(v[s]); u[s] = median(c[s])
    printf "%s: median %d orders/s over%s; median CPU %d µs per order (Node + PostgreSQL) over%s\n", s, m[s], v[s], u[s], c[s] }
  if (m["old"] > 0 && u["old"] > 0)
    printf "new / old: %.2fx orders/s by wall time (above 1: faster), %.2fx CPU time per order (below 1: cheaper)\n", m["new"] / m["old"], u["new"] / u["old"] }' "$log"

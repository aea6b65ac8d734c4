#!/usr/bin/env bash
# Times `eamazing features audit` (future invariance at the default 30 as-of times, plus the single-feature scan) of
# two builds side by side, alternating, on two lakes of the same world: e.g. the last release on its own lake and a
# new build on a copy whose gold it has built (gold's fingerprints include the SQL, so a build audits a lake whose gold
# it considers current). Prints one line per run: table, build, wall and CPU seconds, peak RSS, rows compared.
# Usage: scripts/measure-leakage-audit.sh CLI_A_DIR LAKE_A CLI_B_DIR LAKE_B MONTH [ROUNDS] [TABLES]
#   e.g. scripts/measure-leakage-audit.sh /work/data/cli31 /tmp/demo-a/lake src/EAmazing.Cli/bin/Release/net10.0/linux-x64 /tmp/demo-b/lake 2019-11 2
set -euo pipefail
usage="usage: scripts/measure-leakage-audit.sh CLI_A_DIR LAKE_A CLI_B_DIR LAKE_B MONTH [ROUNDS] [TABLES]"
cli_a=$(realpath "${1:?$usage}")/eamazing.dll; lake_a=${2:?$usage}
cli_b=$(realpath "${3:?$usage}")/eamazing.dll; lake_b=${4:?$usage}
month=${5:?$usage}; rounds=${6:-2}; tables=${7:-"cart_prediction_points session_prefixes user_snapshots"}
out=$(mktemp -d)
run() { # build-label cli lake table
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" dotnet "$2" features audit --table "$4" --month "$month" --lake "$3" --json > "$out/json" 2> "$out/err" || true
  read -r wall user sys rss < "$out/time"
  rows=$(grep -o '"rows_checked": *[0-9]*' "$out/json" | head -1 | grep -o '[0-9]*$' || echo "?")
  passed=$(grep -o '"passed": *[a-z]*' "$out/json" | tail -1 | awk '{print $NF}' || echo "?")
  printf "%-24s %-2s wall %7.1f s  CPU %7.1f s  peak %6d MB  rows %8s  passed %s\n" "$4" "$1" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$rows" "$passed"
}
for _ in $(seq 1 "$rounds"); do
  for t in $tables; do run A "$cli_a" "$lake_a" "$t"; run B "$cli_b" "$lake_b" "$t"; done
done
rm -rf "$out"

#!/usr/bin/env bash
# Rebuilds chosen gold tables month by month, one process per table and month, and prints the partition's build
# seconds (wall, as the CLI reports it) and the process's CPU seconds (user + system, .NET start included): how a
# table's cost grows with the months of history it reads.
#   scripts/measure-gold-months.sh CLI_DLL LAKE "table1 table2 …" [MONTH …]
# Needs EAMAZING__PSEUDONYMKEYFILE for the lake. Deletes and rebuilds the named partitions: run it on a copy of a
# lake, never on a shared one. Without months, every month of the lake's silver.
set -euo pipefail
if [ $# -lt 3 ]; then echo "usage: $0 CLI_DLL LAKE \"TABLES\" [MONTH …]" >&2; exit 2; fi
cli=$1; lake=$2; tables=$3; shift 3
months=("$@")
if [ ${#months[@]} -eq 0 ]; then
  mapfile -t months < <(ls "$lake/silver" | sed -n 's/^month=//p' | sort)
fi
printf 'table\tmonth\trows\tbuild_s\tcpu_s\n'
for table in $tables; do
  for month in "${months[@]}"; do
    rm -f "$lake/gold/$table/month=$month/$table.parquet"
    log=$(mktemp)
    /usr/bin/time -f 'cpu %U %S' dotnet "$cli" features build --lake "$lake" --table "$table" --from "$month-01" --to "$month-01" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    line=$(grep -E "^ +$table +$month +Build" "$log" || true)
    rows=$(awk '{print $4}' <<<"$line" | tr -d ,)
    build=$(awk '{print $6}' <<<"$line")
    cpu=$(awk '/^cpu /{printf "%.2f", $2 + $3}' "$log")
    printf '%s\t%s\t%s\t%s\t%s\n' "$table" "$month" "$rows" "$build" "$cpu"
    rm -f "$log"
  done
done

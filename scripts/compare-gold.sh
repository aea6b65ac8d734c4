#!/usr/bin/env bash
# Compares two gold folders partition by partition: for every table and month in either, the rows of OLD EXCEPT ALL
# NEW and of NEW EXCEPT ALL OLD (multiset differences, every column compared exactly), printed as a table.
# Exit 0 when every partition is 0 / 0 and present in both, 1 otherwise, 2 on bad arguments.
#   scripts/compare-gold.sh CLI_DLL LAKE OLD_GOLD NEW_GOLD
# CLI_DLL and LAKE only run the SQL (`eamazing sql` over read_parquet; LAKE is any lake the CLI can open, e.g. the
# one NEW_GOLD belongs to). Example, after copying a lake's gold before and after a change:
#   scripts/compare-gold.sh src/EAmazing.Cli/bin/Release/net10.0/linux-x64/eamazing.dll /tmp/w3/lake /tmp/gold-old /tmp/w3/lake/gold
set -euo pipefail
if [ $# -ne 4 ]; then echo "usage: $0 CLI_DLL LAKE OLD_GOLD NEW_GOLD" >&2; exit 2; fi
cli=$1; lake=$2; old=$3; new=$4
status=0
printf '%-24s %-8s %10s %10s %10s\n' table month rows old-new new-old
partitions=$( (cd "$old" && find . -name '*.parquet'; cd "$new" && find . -name '*.parquet') | sort -u)
for part in $partitions; do
  table=$(cut -d/ -f2 <<<"$part"); month=$(cut -d/ -f3 <<<"$part" | sed 's/^month=//')
  if [ ! -f "$old/$part" ] || [ ! -f "$new/$part" ]; then
    printf '%-24s %-8s %s\n' "$table" "$month" "only in $([ -f "$old/$part" ] && echo OLD || echo NEW)"; status=1; continue
  fi
  o="read_parquet('$old/$part')"; n="read_parquet('$new/$part')"
  result=$(dotnet "$cli" sql --lake "$lake" --csv \
    "SELECT (SELECT count(*) FROM $o), (SELECT count(*) FROM (FROM $o EXCEPT ALL FROM $n)), (SELECT count(*) FROM (FROM $n EXCEPT ALL FROM $o))" | tail -1)
  IFS=, read -r rows a b <<<"$result"
  printf '%-24s %-8s %10s %10s %10s\n' "$table" "$month" "$rows" "$a" "$b"
  if [ "$a" != 0 ] || [ "$b" != 0 ]; then status=1; fi
done
exit $status

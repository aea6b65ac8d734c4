#!/usr/bin/env bash
# Measures one `eamazing gdpr key rotate` on a copy of a lake: wall, CPU, peak memory (/usr/bin/time -v) and bytes the
# process read and wrote (rchar/wchar of /proc/PID/io, page cache included). The copy keeps file times (cp -a): gold's
# catalog records its silver inputs' times, and a copy with new times would be stale gold (rebuilt, not re-keyed).
# With --prove, then: the re-keyed feature tables are moved aside, gold is built afresh from the rotated silver, and
# every table and month is compared with EXCEPT ALL both ways (prints one line per partition; all zeros = identical).
# Usage: scripts/measure-key-rotate.sh CLI_DIR LAKE KEY_FILE OUT_DIR [--prove]
#   CLI_DIR: the folder of a built eamazing.dll (src/EAmazing.Cli/bin/Release/net10.0/linux-x64, or a copy of an older build)
#   e.g. scripts/measure-key-rotate.sh src/EAmazing.Cli/bin/Release/net10.0/linux-x64 /work/data/demo/lake ~/.config/eamazing/pseudonym.key /tmp/rotate --prove
set -euo pipefail
cli=$(realpath "${1:?usage: scripts/measure-key-rotate.sh CLI_DIR LAKE KEY_FILE OUT_DIR [--prove]}")/eamazing.dll
lake=${2:?lake folder}; key=${3:?key file}; out=$(realpath -m "${4:?out folder}"); prove=${5:-}
rm -rf "$out"; mkdir -p "$out/keys"
cp -a "$lake" "$out/lake"; cp "$key" "$out/keys/pseudonym.key"; chmod 600 "$out/keys/pseudonym.key"
export EAMAZING__PSEUDONYMKEYFILE="$out/keys/pseudonym.key"; unset EAMAZING_PSEUDONYM_KEY || true
sync
/usr/bin/time -v -o "$out/time.txt" dotnet "$cli" gdpr key rotate --lake "$out/lake" > "$out/rotate.txt" 2>&1 &
timer=$!
pid=""
for _ in $(seq 1 200); do pid=$(pgrep -P "$timer" dotnet || true); [ -n "$pid" ] && break; sleep 0.05; done
io=""
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do now=$(tr '\n' ' ' < "/proc/$pid/io" 2>/dev/null || true); [ -n "$now" ] && io=$now; sleep 0.1; done
wait "$timer"
field() { grep "$1" "$out/time.txt" | awk '{print $NF}'; }
mb() { echo "$io" | grep -o "$1: [0-9]*" | head -1 | awk '{printf "%d", $2 / 1000000}'; }
echo "wall $(field 'Elapsed (wall') | user s $(field 'User time') | sys s $(field 'System time') | peak RSS MB $(( $(field 'Maximum resident') / 1024 )) | read MB $(mb rchar) | written MB $(mb wchar)" | tee "$out/summary.txt"
grep -E "lake committed|building what|rebuilding|rotated:" "$out/rotate.txt" || true

if [ "$prove" = "--prove" ]; then
  mkdir -p "$out/rekeyed"
  tables="sessions cart_prediction_points session_prefixes user_snapshots item_first_days items item_transitions demand_daily"
  for t in $tables; do [ -d "$out/lake/gold/$t" ] && mv "$out/lake/gold/$t" "$out/rekeyed/$t"; done
  dotnet "$cli" features build --lake "$out/lake" > "$out/rebuild.txt" 2>&1
  q=""
  for t in $tables; do
    for f in "$out"/rekeyed/"$t"/month=*/"$t".parquet; do
      [ -f "$f" ] || continue
      m=$(basename "$(dirname "$f")"); a="read_parquet('$f', hive_partitioning = false)"
      b="read_parquet('$out/lake/gold/$t/$m/$t.parquet', hive_partitioning = false)"
      q="$q${q:+ UNION ALL }SELECT '$t' AS gold_table, '${m#month=}' AS month, (SELECT count(*) FROM $a) AS rows,
        (SELECT count(*) FROM (SELECT * FROM $a EXCEPT ALL SELECT * FROM $b)) AS rekeyed_not_rebuilt,
        (SELECT count(*) FROM (SELECT * FROM $b EXCEPT ALL SELECT * FROM $a)) AS rebuilt_not_rekeyed"
    done
  done
  dotnet "$cli" sql "$q" --lake "$out/lake" --csv --rows 1000 | tee "$out/proof.csv"
fi

#!/usr/bin/env bash
# Behaviour check for a refactoring: runs the demo pipeline (generate, ingest, features build, train with
# --trials 1) with the code of a reference commit and with the working tree, on the same generated data and
# pseudonym key, then compares every bronze, silver, quarantine and gold table (EXCEPT ALL both ways) and
# the two training comparisons. Usage: scripts/behaviour-check.sh REFERENCE_COMMIT [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
reference=${1:?usage: scripts/behaviour-check.sh REFERENCE_COMMIT [OUT_DIR]}
out=$(realpath -m "${2:-out/behaviour-check}")
rm -rf "$out"; mkdir -p "$out"
export EAMAZING_PSEUDONYM_KEY=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 HOME="$out/home"
mkdir -p "$HOME"
worktree="$out/reference-src"
git worktree add --detach "$worktree" "$reference" >/dev/null
trap 'git worktree remove --force "$worktree" >/dev/null 2>&1 || true' EXIT
dotnet build "$worktree/src/EAmazing.Cli/EAmazing.Cli.csproj" -c Release -v quiet -nologo >/dev/null
dotnet build src/EAmazing.Cli/EAmazing.Cli.csproj -c Release -v quiet -nologo >/dev/null
bin=net10.0/linux-x64/eamazing.dll
before="dotnet $worktree/src/EAmazing.Cli/bin/Release/$bin"
after="dotnet $(pwd)/src/EAmazing.Cli/bin/Release/$bin"

$after generate --scale demo --out "$out/data" >/dev/null
$before generate --scale demo --out "$out/data-reference" >/dev/null
for f in 2019-Oct.csv.gz 2019-Nov.csv.gz; do
  cmp -s "$out/data/$f" "$out/data-reference/$f" && echo "generate: $f identical" || echo "generate: $f DIFFERS"
done

for side in before after; do
  cli=${!side}
  cd "$out"; mkdir -p "$side"; cd "$side"
  $cli ingest "$out/data" --lake lake >/dev/null
  $cli features build --lake lake >/dev/null
  $cli train purchase --task cart --trials 1 --truth "$out/data/truth" --lake lake --models models > train.txt 2>&1
  cd - >/dev/null
done

# Every Parquet table of each layer, compared row for row in both directions (lineage columns included).
echo "| table | rows before | rows after | before EXCEPT ALL after | after EXCEPT ALL before |"
echo "|---|---:|---:|---:|---:|"
for layer in bronze silver quarantine gold; do
  for table in $(cd "$out/before/lake/$layer" 2>/dev/null && find . -name '*.parquet' | sed -E 's#^\./##; s#/month=[^/]*##; s#/bucket=[^/]*##; s#/[^/]*\.parquet$##' | sort -u); do
    [ -z "$table" ] && table=.
    b="$out/before/lake/$layer/$table/**/*.parquet"; a="$out/after/lake/$layer/$table/**/*.parquet"
    [ "$table" = . ] && { b="$out/before/lake/$layer/**/*.parquet"; a="$out/after/lake/$layer/**/*.parquet"; }
    q="SELECT (SELECT count(*) FROM read_parquet('$b')), (SELECT count(*) FROM read_parquet('$a')), (SELECT count(*) FROM (SELECT * FROM read_parquet('$b') EXCEPT ALL SELECT * FROM read_parquet('$a'))), (SELECT count(*) FROM (SELECT * FROM read_parquet('$a') EXCEPT ALL SELECT * FROM read_parquet('$b')))"
    row=$($after sql "$q" --csv --lake "$out/after/lake" | tail -1 | tr ',' '|')
    echo "| $layer/$table | $row |"
  done
done

echo
echo "training comparison (family, valid AUC, test ROC-AUC):"
extract() { grep -E '^│ (prior|onerule|logistic|tree|forest|fasttree|lightgbm|mlp)' "$1" | awk -F'│' '{print $2 "|" $3 "|" $4}' | tr -s ' '; }
paste -d'#' <(extract "$out/before/train.txt") <(extract "$out/after/train.txt") | sed 's/#/   ||   /'
if diff <(extract "$out/before/train.txt") <(extract "$out/after/train.txt") >/dev/null; then echo "training comparison: identical"; else echo "training comparison: DIFFERS"; fi

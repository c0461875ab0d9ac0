#!/usr/bin/env bash
# The benchmark suite in one command; writes the results section of docs/PERFORMANCE.md.
#
#   bench/run.sh [--quick] [--sizes 10k,200k,1m] [--runs N] [--no-micro] [--search-sizes 10k] [--site-sizes 10k]
#
# --quick: fewer repetitions, shorter micro-benchmarks, the 10k archive only (a few minutes).
# Generated archives are kept in $BENCH_DATA (default: $TMPDIR/newsmirror-bench) for the next run:
# the 1M archive takes minutes to write and about 4 GiB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."

invocation="bench/run.sh${*:+ $*}"
sizes="10k,200k"
runs=5
micro=1
quick=0
# Text indexing (search, about 1,200 articles/s) and full site builds (about 1,000/s): by default only on the smallest archive.
extra_sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; sizes="10k"; runs=3 ;;
    --sizes) sizes="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --no-micro) micro=0 ;;
    --search-sizes|--site-sizes) extra_sizes+=("$1" "$2"); shift ;;
    *) echo "usage: bench/run.sh [--quick] [--sizes 10k,200k,1m] [--runs N] [--no-micro] [--search-sizes LIST] [--site-sizes LIST]" >&2; exit 2 ;;
  esac
  shift
done
data="${BENCH_DATA:-${TMPDIR:-/tmp}/newsmirror-bench}"
mkdir -p "$data"

echo "== building (Release)"
dotnet build bench/NewsMirror.Bench -c Release -v quiet -nologo
dotnet build src/NewsMirror.Cli -c Release -v quiet -nologo
dotnet publish src/NewsMirror.Cli -c Release -r linux-x64 --self-contained false \
  -v quiet -nologo -o "$data/bin/readytorun"
bench="dotnet bench/NewsMirror.Bench/bin/Release/net10.0/NewsMirror.Bench.dll"

if [ "$micro" = 1 ]; then
  echo "== micro-benchmarks (BenchmarkDotNet)"
  rm -rf "$data/micro"
  extra=()
  [ "$quick" = 1 ] && extra=(--warmupCount 1 --iterationCount 3)
  $bench --filter '*FeedParsingBenchmarks*' '*BodyCleaningBenchmarks*' --artifacts "$data/micro" --exporters github "${extra[@]}"
fi

echo "== whole-process measurements"
$bench suite --sizes "$sizes" --runs "$runs" --data "$data" --micro "$data/micro/results" "${extra_sizes[@]}" \
  --command-line "$invocation" \
  --newsmirror "published, ReadyToRun (dotnet publish -r linux-x64, as README installs it)=$data/bin/readytorun/newsmirror" \
  --newsmirror "build output (dotnet newsmirror.dll)=src/NewsMirror.Cli/bin/Release/net10.0/newsmirror.dll"

#!/usr/bin/env bash
# The benchmark suite in one command; writes the results section of docs/PERFORMANCE.md.
#
#   bench/run.sh [--quick] [--sizes 10k,200k,1m] [--runs N] [--no-micro] [--search-sizes 10k] [--site-sizes 10k]
#   bench/run.sh --catalog 200k [--no-search]
#   bench/run.sh --hourly [--runs N]
#
# --quick: fewer repetitions, shorter micro-benchmarks, the 10k archive only (a few minutes).
# --catalog N: instead of the suite, the catalog's life on one generated archive of N articles (docs/PERFORMANCE.md,
#   "Catalog"): import, text indexing, search by kind of query, rebuild, no-op runs and a run with new items;
#   --no-search leaves out indexing and search. Prints a table; writes nothing.
# --hourly: instead of the suite, the nine outlets at 300 items each into an empty archive, then an hour later
#   (one new item per feed), with cleanup: none and default; writes its own section of docs/PERFORMANCE.md.
# Generated archives are kept in $BENCH_DATA (default: $TMPDIR/newsmirror-bench) for the next run:
# the 1M archive takes minutes to write and about 4 GiB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."

invocation="bench/run.sh${*:+ $*}"
sizes="10k,200k"
runs=5
micro=1
quick=0
catalog=""
hourly=0
search=1
# Text indexing (search, about 1,200 articles/s) and full site builds (about 1,000/s): by default only on the smallest archive.
extra_sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; sizes="10k"; runs=3 ;;
    --sizes) sizes="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --no-micro) micro=0 ;;
    --search-sizes|--site-sizes) extra_sizes+=("$1" "$2"); shift ;;
    --catalog) catalog="$2"; shift ;;
    --no-search) search=0 ;;
    --hourly) hourly=1 ;;
    *) echo "usage: bench/run.sh [--quick] [--sizes 10k,200k,1m] [--runs N] [--no-micro] [--search-sizes LIST] [--site-sizes LIST]" >&2
       echo "       bench/run.sh --catalog N [--no-search]" >&2
       echo "       bench/run.sh --hourly [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
data="${BENCH_DATA:-${TMPDIR:-/tmp}/newsmirror-bench}"
mkdir -p "$data"

echo "== building (Release)"
dotnet build bench/NewsMirror.Bench -c Release -v quiet -nologo
bench="dotnet bench/NewsMirror.Bench/bin/Release/net10.0/NewsMirror.Bench.dll"

if [ -n "$catalog" ]; then
  echo "== the catalog's life on a $catalog-article archive"
  no_search=()
  [ "$search" = 0 ] && no_search=(--no-search)
  exec $bench catalog --articles "$catalog" --dir "$data/catalog" "${no_search[@]}"
fi

dotnet build src/NewsMirror.Cli -c Release -v quiet -nologo
# As the README installs it: Native AOT (needs clang and zlib1g-dev); ReadyToRun is the README's fallback.
dotnet publish src/NewsMirror.Cli -c Release -r linux-x64 -p:PublishAot=true \
  -v quiet -nologo -o "$data/bin/aot"
dotnet publish src/NewsMirror.Cli -c Release -r linux-x64 --self-contained false \
  -v quiet -nologo -o "$data/bin/readytorun"
aot="published, Native AOT (dotnet publish -r linux-x64 -p:PublishAot=true, as README installs it)=$data/bin/aot/newsmirror"
readytorun="published, ReadyToRun (dotnet publish -r linux-x64, README's fallback)=$data/bin/readytorun/newsmirror"

if [ "$hourly" = 1 ]; then
  echo "== first run and hourly run at full feeds"
  exec $bench hourly --runs "$runs" --data "$data" --command-line "$invocation" \
    --newsmirror "$aot" --newsmirror "$readytorun"
fi

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
  --newsmirror "$aot" --newsmirror "$readytorun" \
  --newsmirror "build output (dotnet newsmirror.dll)=src/NewsMirror.Cli/bin/Release/net10.0/newsmirror.dll"

#!/usr/bin/env bash
# The catalog benchmark (docs/PERFORMANCE.md, "Catalog"): ./bench/catalog-bench.sh [--articles N] [--dir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/NewsMirror.Bench -- catalog "$@"

#!/usr/bin/env bash
# Fleet throughput: N loopback sources × M items archived by 1, 2 and 4 `newsmirror worker --once` processes
# sharing one throw-away PostgreSQL cluster and one bare git remote. Prints one line per fleet size:
#   workers  sources  wall-seconds  sources-per-second
# Usage: bench/fleet/run.sh [--sources 2000] [--items 20] [--workers "1 2 4"]
set -euo pipefail
cd "$(dirname "$0")/../.."
sources=2000 items=20 fleets="1 2 4"
while [ $# -gt 0 ]; do
  case "$1" in
    --sources) sources=$2; shift 2 ;;
    --items) items=$2; shift 2 ;;
    --workers) fleets=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || bin=$(dirname "$(command -v initdb)")
work=$(mktemp -d /tmp/newsmirror-fleet-bench.XXXXXX)
chmod 755 "$work"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_port=$(free_port) http_port=$(free_port)
mkdir "$work/pg" && { [ "$(id -u)" = 0 ] && chown postgres "$work/pg" || true; }
cleanup() {
  as_owner "$bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  [ -n "${http_pid:-}" ] && kill "$http_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
as_owner "$bin/initdb" -D "$work/pg/data" -U newsmirror -A trust --no-sync >/dev/null
as_owner "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start >/dev/null

dotnet build -c Release src/NewsMirror.Cli -o "$work/cli" >/dev/null
newsmirror() { dotnet "$work/cli/newsmirror.dll" "$@"; }

# Static feeds: RSS 2.0, bodies in CDATA, Chinese titles, as the outlets serve them.
python3 - "$work" "$sources" "$items" "$http_port" <<'PY'
import os, sys
work, sources, items, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
os.makedirs(f"{work}/feeds")
yml = ["sources:"]
for s in range(sources):
    f = f"s{s:05d}"
    yml.append(f"  - name: {f}\n    folder: {f}\n    url: http://127.0.0.1:{port}/{f}.xml")
    entries = "".join(
        f"<item><title>{f} 新闻标题 {i}</title><link>https://example.org/{f}/{i}</link>"
        f"<description><![CDATA[<p>第一段 {f} {i}。</p><p>第二段，较长的正文内容。</p>]]></description>"
        f"<pubDate>Wed, 01 May 2024 {8 + i // 60:02d}:{i % 60:02d}:00 GMT</pubDate></item>" for i in range(items))
    with open(f"{work}/feeds/{f}.xml", "w") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{f}</title>'
                  f'<link>https://example.org/</link><description>bench</description>{entries}</channel></rss>')
with open(f"{work}/newsmirror.yml", "w") as out:
    out.write("\n".join(yml) + "\n")
PY
(cd "$work/feeds" && exec python3 -m http.server "$http_port" --bind 127.0.0.1 >/dev/null 2>&1) & http_pid=$!

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
echo "workers  sources  wall-s  sources/s"
for n in $fleets; do
  run="$work/run$n"
  mkdir -p "$run/seed"
  git init -q --bare -b main "$run/remote.git"
  cp "$work/newsmirror.yml" "$run/seed/"
  printf '.newsmirror/catalog.db*\n.newsmirror/lock\n' > "$run/seed/.gitignore"
  (cd "$run/seed" && git init -q -b main && git add -A && git commit -qm seed && git push -q "$run/remote.git" main)
  as_owner "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U newsmirror -d postgres -qc "CREATE DATABASE fleet$n" >/dev/null
  url="postgres://newsmirror@127.0.0.1:$pg_port/fleet$n"
  (cd "$run/seed" && newsmirror catalog migrate --catalog "$url" -q)
  for w in $(seq 1 "$n"); do git clone -q "$run/remote.git" "$run/clone$w"; done
  start=$(date +%s.%N)
  pids=()
  for w in $(seq 1 "$n"); do (cd "$run/clone$w" && newsmirror worker --once --catalog "$url" -q) & pids+=($!); done
  wait "${pids[@]}"
  end=$(date +%s.%N)
  python3 -c "w=$end-$start; print(f'{$n:7d}  {$sources:7d}  {w:6.1f}  {$sources/w:9.1f}')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Start-up of the newsmirror command as built three ways (docs/PERFORMANCE.md, "Native AOT").
#
#   bench/startup.sh [--runs N] NAME=COMMAND...     e.g. jit="dotnet out/newsmirror.dll" aot=pub-aot/newsmirror
#
# For each build: `--version`; `status` and a run with nothing new on a small archive (3 sources × 50 items, fed by a
# loopback HTTP server started here that answers every request in full, after one run that archived them). Prints
# the median and range of wall time, the median user + system CPU time (less disturbed by other load) and the largest
# peak RSS of N runs (default 10), with the load average before each build.
set -euo pipefail

runs=10
if [ "${1:-}" = "--runs" ]; then runs="$2"; shift 2; fi
[ $# -gt 0 ] || { echo "usage: bench/startup.sh [--runs N] NAME=COMMAND..." >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench/startup.sh: needs python3 (the feed server)" >&2; exit 2; }

work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server"; rm -rf "$work"' EXIT

# Three feeds of 50 items each, served from 127.0.0.1 on a free port.
mkdir -p "$work/feeds"
python3 - "$work/feeds" <<'EOF'
import sys, datetime
for s in range(3):
    items = []
    for i in range(50):
        t = (datetime.datetime(2026, 11, 1) + datetime.timedelta(hours=i + s)).strftime('%a, %d %b %Y %H:%M:%S +0000')
        items.append(f"<item><title>新闻标题 {s}-{i}</title><link>https://news.example/{s}/{i}</link><guid>news-{s}-{i}</guid>"
                     f"<pubDate>{t}</pubDate><description><![CDATA[<p>第{i}段正文，测试段落。</p><p>Paragraph {i}.</p>]]></description></item>")
    with open(f"{sys.argv[1]}/s{s}.xml", "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source</title>'
                f'<link>https://news.example/</link><description>d</description>{"".join(items)}</channel></rss>')
EOF
# The server ignores If-Modified-Since: every run reads and parses the whole feeds, as with an outlet that sends
# no validators (a 304 would skip the parsing and make every build look alike).
python3 - "$work/feeds" > "$work/server.log" 2>&1 <<'PY' &
import functools, http.server, sys
class Feeds(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        del self.headers["If-Modified-Since"]
        return super().send_head()
    def log_message(self, *args): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Feeds, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()
PY
server=$!
port=""
for _ in $(seq 100); do
  port=$(head -1 "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "bench/startup.sh: the feed server did not start" >&2; exit 1; }

# Runs COMMAND... $runs times; prints "wall: median (min–max), CPU: median, peak RSS".
measure() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > /dev/null 2>&1
    tail -1 "$work/time"
  done | sort -n | awk '{ wall[NR] = $1; cpu[NR] = $2 + $3; if ($4 > rss) rss = $4 } END {
    for (i = 2; i <= NR; i++) for (j = i; j > 1 && cpu[j - 1] > cpu[j]; j--) { t = cpu[j]; cpu[j] = cpu[j - 1]; cpu[j - 1] = t }
    mid = int((NR + 1) / 2)
    printf "wall %.2f s (%.2f–%.2f), CPU %.2f s, %d MiB\n", wall[mid], wall[1], wall[NR], cpu[mid], rss / 1024 }'
}

for build in "$@"; do
  name="${build%%=*}"
  read -r -a cli <<< "${build#*=}"
  archive="$work/archive-$name"
  mkdir -p "$archive"
  {
    echo "sources:"
    for s in 0 1 2; do
      printf '  - name: 源%s\n    folder: s%s\n    url: http://127.0.0.1:%s/s%s.xml\n    allow-hosts: [127.0.0.1]\n' "$s" "$s" "$port" "$s"
    done
  } > "$archive/newsmirror.yml"
  "${cli[@]}" run --archive "$archive" > /dev/null 2>&1
  echo "$name (load $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo "  --version        $(measure "${cli[@]}" --version)"
  echo "  status           $(measure "${cli[@]}" status --archive "$archive")"
  echo "  run, nothing new $(measure "${cli[@]}" run --archive "$archive")"
done

#!/usr/bin/env python3
"""Bytes of raw capture (WARC) per run for the nine built-in outlets, measured on loopback.

Each outlet's feed is built from the real archive's articles of that outlet (the shared corpus), repeated to a
feed's usual length (ITEMS items, bodies as the outlet's feed carries them); 中国数字时代's article pages wrap the
corpus body in a page. A real `newsmirror run` (raw: local) fetches them all from a loopback server; the script
prints the WARC bytes written, per feed fetch and per page, as JSON.

usage: measure.py CORPUS_ARTICLES_DIR NEWSMIRROR_DLL [ITEMS]
"""
import html, http.server, json, os, re, subprocess, sys, tempfile, threading

corpus, dll = sys.argv[1], sys.argv[2]
items = int(sys.argv[3]) if len(sys.argv) > 3 else 30
outlets = {"reuters": "路透", "nyt": "纽约时报", "voa": "美国之音", "ft": "金融时报", "bbc": "BBC", "rfi": "法广", "dw": "德国之声",
           "rfa": "自由亚洲电台", "cdt": "中国数字时代"}

def articles(folder):
    found = []
    for name in (outlets[folder], folder):
        path = os.path.join(corpus, name)
        if not os.path.isdir(path): continue
        for file in sorted(os.listdir(path)):
            text = open(os.path.join(path, file), encoding="utf-8").read()
            m = re.match(r"<!--\d+-->\n\[(.*)\]\((.*)\)\n-+\n\n(.*)", text, re.S)
            if m: found.append((m.group(1), m.group(3).strip()))
    return found

files = {}
for folder in outlets:
    real = articles(folder)
    entries = []
    for i in range(items):
        title, body = real[i % len(real)]
        link = f"/{folder}/{i}.html"
        field = "content:encoded" if folder == "rfa" else "description"
        entries.append(f"<item><title>{html.escape(title)} {i}</title><link>LINK{link}</link><guid>" + (f"LINK/?p={1000 + i}" if folder == "cdt" else f"LINK{link}") + "</guid>"
                       + ("<category>📌 404文库</category>" if folder == "cdt" else "") + f"<{field}><![CDATA[{body}]]></{field}><pubDate>Tue, 26 Mar 2024 {i % 24:02d}:00:00 GMT</pubDate></item>")
        if folder == "cdt":
            files[link] = (f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body><div class=\"post-content\">{body}</div></body></html>", "text/html; charset=utf-8")
    files[f"/{folder}.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                               f"<channel><title>{outlets[folder]}</title>{''.join(entries)}</channel></rss>", "application/rss+xml; charset=utf-8")

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body, kind = files.get(self.path, (None, None))
        if body is None: self.send_response(404); self.end_headers(); return
        data = body.replace("LINK", base).encode("utf-8")
        self.send_response(200); self.send_header("Content-Type", kind); self.send_header("Content-Length", str(len(data))); self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args): pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
base = f"http://127.0.0.1:{server.server_port}"
threading.Thread(target=server.serve_forever, daemon=True).start()
with tempfile.TemporaryDirectory() as archive:
    yml = "raw: local\nsources:\n" + "".join(
        f"  - name: {name}\n    url: {base}/{folder}.xml\n    folder: {folder}\n    allow-hosts: [127.0.0.1]\n"
        + ("    body: content\n" if folder == "rfa" else "    fulltext: div.post-content\n" if folder == "cdt" else "")
        for folder, name in outlets.items())
    open(os.path.join(archive, "newsmirror.yml"), "w", encoding="utf-8").write(yml)
    def run():
        subprocess.run(["dotnet", dll, "run", "--archive", archive, "--json"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(archive, ".newsmirror", "warc")) for f in fs)
    # First run: every item new (feeds and 中国数字时代's pages); second: the same feeds again, nothing new (feeds only).
    warc = run()
    again = run() - warc
    feeds = sum(len(files[f"/{f}.xml"][0].encode()) for f in outlets)
    pages = sum(len(v[0].encode()) for k, v in files.items() if not k.endswith(".xml"))
    articles_written = sum(len(fs) for d, _, fs in os.walk(os.path.join(archive, "articles")))
server.shutdown()
print(json.dumps({"itemsPerFeed": items, "feedBytes": feeds, "pageBytes": pages, "pages": len(files) - len(outlets), "articles": articles_written,
                  "warcBytesFirstRun": warc, "warcBytesFeedsOnlyRun": again, "warcBytesPerPage": (warc - again) // max(1, len(files) - len(outlets))}))

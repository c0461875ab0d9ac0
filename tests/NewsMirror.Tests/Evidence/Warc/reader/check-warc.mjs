// Reads WARC files with warcio (webrecorder's reader, independent of NewsMirror) and prints one JSON report:
// every record's type, target and ids, and whether its block and payload digests match the bytes warcio read.
// Exit code 0: every file read clean and every digest matched; 1: a problem (named in "problems"); 2: usage.
import { createReadStream, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { WARCParser } from "warcio";

const base32 = (bytes) => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0, value = 0, out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) { out += alphabet[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
};
const sha1 = (bytes) => "sha1:" + base32(createHash("sha1").update(bytes).digest());

async function readFile(file, problems) {
  // A torn gzip member (a write cut short) must show up even where a lenient reader would stop quietly.
  try { gunzipSync(readFileSync(file)); } catch (e) { problems.push(`${file}: not complete gzip: ${e.message}`); return []; }
  const records = [];
  // Pass 1: whole blocks (HTTP head and payload), for WARC-Block-Digest.
  for await (const record of new WARCParser(createReadStream(file), { parseHttp: false })) {
    const block = await record.readFully(false);
    const declared = record.warcBlockDigest;
    records.push({
      type: record.warcType,
      id: record.warcHeader("WARC-Record-ID"),
      uri: record.warcTargetURI ?? null,
      date: record.warcDate,
      concurrentTo: record.warcConcurrentTo ?? [],
      warcinfo: record.warcHeader("WARC-Warcinfo-ID") ?? null,
      version: record.warcHeaders.protocol,
      contentLength: record.warcContentLength,
      blockLength: block.length,
      blockDigestOk: declared ? declared === sha1(block) : null,
    });
  }
  // Pass 2: warcio parses the HTTP message; the payload it hands back is what WARC-Payload-Digest covers.
  let i = 0;
  for await (const record of new WARCParser(createReadStream(file))) {
    const entry = records[i++];
    const payload = await record.readFully(false);
    if (record.httpHeaders) {
      entry.status = record.httpHeaders.statusCode ?? null;
      entry.method = record.httpHeaders.method ?? null;
    }
    const declared = record.warcPayloadDigest;
    entry.payloadDigestOk = declared ? declared === sha1(payload) : null;
    entry.payloadLength = payload.length;
  }
  for (const r of records) {
    const where = `${file}: ${r.type} ${r.id}`;
    if (r.version !== "WARC/1.1") problems.push(`${where}: version ${r.version}`);
    if (r.contentLength !== r.blockLength) problems.push(`${where}: Content-Length ${r.contentLength}, block ${r.blockLength} bytes`);
    if (r.blockDigestOk === false) problems.push(`${where}: WARC-Block-Digest does not match`);
    if (r.type === "response" || r.type === "request") {
      if (r.blockDigestOk !== true) problems.push(`${where}: no WARC-Block-Digest`);
      if (r.type === "response" && r.payloadDigestOk !== true) problems.push(`${where}: WARC-Payload-Digest ${r.payloadDigestOk === false ? "does not match" : "missing"}`);
    }
  }
  if (records.length === 0 || records[0].type !== "warcinfo") problems.push(`${file}: does not open with a warcinfo record`);
  return records;
}

const files = process.argv.slice(2);
if (files.length === 0) { console.error("usage: node check-warc.mjs FILE.warc.gz…"); process.exit(2); }
const problems = [];
const report = { files: [], problems };
for (const file of files) {
  try { report.files.push({ file, records: await readFile(file, problems) }); }
  catch (e) { problems.push(`${file}: warcio could not read it: ${e.message}`); }
}
console.log(JSON.stringify(report));
process.exit(problems.length === 0 ? 0 : 1);

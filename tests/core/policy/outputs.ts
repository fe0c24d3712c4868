// Reading back everything the sharing commands wrote, decoded: .xlsx parts inflated, .eml parts
// decoded by mailparser (a marker can hide in quoted-printable or base64), the rest as bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { simpleParser } from 'mailparser';

/** Every entry of a zip file (an .xlsx), decompressed. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    return e.isDirectory() ? walk(abs) : [abs];
  });
}

/** Each output file as text a person (or a mail client) could see: raw bytes plus decoded forms. */
export async function readableOutputs(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const abs of [...walk(path.join(root, 'out')), path.join(root, 'data', 'audit.jsonl')]) {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    const buf = fs.readFileSync(abs);
    let text = buf.toString('utf8');
    if (rel.endsWith('.xlsx')) text = [...unzip(buf).values()].map((b) => b.toString('utf8')).join('\n');
    if (rel.endsWith('.eml')) {
      const m = await simpleParser(buf);
      const headers = [...m.headers.entries()].map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
      text = [text, m.subject ?? '', m.text ?? '', typeof m.html === 'string' ? m.html : '', ...headers].join('\n');
    }
    out.set(rel, text);
  }
  return out;
}

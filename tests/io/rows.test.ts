import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openRows } from '../../src/io/rows.js';
import { tempDir } from '../helpers/cli.js';

async function all(file: string): Promise<{ cells: string[]; row: number }[]> {
  const out = [];
  for await (const r of (await openRows(file, path.basename(file))).rows) out.push(r);
  return out;
}

describe('streamed rows', () => {
  // Several MiB, so multi-byte characters and quoted line breaks fall across the 1 MiB chunks.
  const names = ['Zoë Łukasz', 'Ngọc Trâm Nguyễn', 'Søren Højgaard', '"Quoted, name"', 'Line\nbreak'];
  const lines = ['name,n'];
  for (let i = 0; i < 120_000; i++) {
    const n = names[i % names.length]!;
    lines.push(`${/[",\n]/.test(n) ? `"${n.replace(/"/g, '""')}"` : n},${i}`);
  }
  const text = `${lines.join('\r\n')}\r\n`;

  it('reads a UTF-8 file larger than a chunk exactly', async () => {
    const file = path.join(tempDir('rows-'), 'big.csv');
    fs.writeFileSync(file, text);
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
    const rows = await all(file);
    expect(rows).toHaveLength(120_001);
    rows.slice(1).forEach((r, i) => {
      expect(r.cells).toEqual([names[i % names.length]!, String(i)]);
    });
    expect(rows[120_000]!.row).toBe(120_001);
  });

  it('reads the same rows from Windows-1252 and UTF-16', async () => {
    const small = `${lines.slice(0, 2000).join('\r\n').replace(/[ọạễĐđłŁ]/g, 'o').replace(/[âậ]/g, 'a')}\r\n`;
    const dir = tempDir('rows-');
    fs.writeFileSync(path.join(dir, 'a.csv'), small);
    fs.writeFileSync(path.join(dir, 'b.csv'), iconv.encode(small, 'windows-1252'));
    fs.writeFileSync(path.join(dir, 'c.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(small, 'utf-16le')]));
    const a = await all(path.join(dir, 'a.csv'));
    expect(await all(path.join(dir, 'b.csv'))).toEqual(a);
    expect(await all(path.join(dir, 'c.csv'))).toEqual(a);
  });
});

// The programme report rendered by a real browser: headless Chromium takes a screenshot, which must
// show the charts (not a blank page), and its DOM must hold the chart SVGs. No Chromium is a failure:
// CI installs it (apt-get install chromium).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runCli, tempDir } from '../helpers/cli.js';
import { smallCohort } from '../core/followup/builders.js';

function findChromium(): string {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error('Chromium is not installed, so the programme report cannot be checked in a browser: install it (Debian: apt-get install chromium)');
}

function chromium(bin: string, args: string[]): { stdout: string; code: number | null } {
  const profile = tempDir('mentorship-chromium-');
  const r = spawnSync(
    bin,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
  );
  return { stdout: r.stdout ?? '', code: r.status };
}

interface Image {
  width: number;
  height: number;
  channels: number;
  pixels: Buffer;
}

/** A small PNG decoder: 8-bit RGB or RGBA, not interlaced, which is what Chromium writes. */
function decodePng(png: Buffer): Image {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      expect(data[12]).toBe(0);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function programmeReport(): string {
  const checkin = ['email,meeting,date', 'zoe.obrien@lse.ac.uk,1,20/12/2025', 'zoe.obrien@lse.ac.uk,2,20/02/2026', 'jose.alvarez@lse.ac.uk,1,15/01/2026', 'sam.taylor@lse.ac.uk,1,28/01/2026'].join('\r\n');
  const survey = [
    'Timestamp,Email Address,How satisfied were you overall? (1-5),How useful were the meetings? (1-5),Would you recommend it?',
    '11/05/2026 08:00:00,zoe.obrien@lse.ac.uk,5,4,Yes', '11/05/2026 09:00:00,jose.alvarez@lse.ac.uk,3,4,Yes',
    '11/05/2026 10:00:00,sam.taylor@lse.ac.uk,2,3,Yes', '11/05/2026 11:00:00,bjorn.akesson@example.net,4,5,Maybe',
  ].join('\r\n');
  const dir = makeWorkspace({ ...smallCohort().files, 'checkin.csv': checkin, 'survey.csv': survey });
  for (const [args, today] of [
    [['import', 'meetings', 'checkin.csv'], '2026-03-01'],
    [['import', 'feedback', '--survey', 'final', 'survey.csv'], '2026-05-20'],
    [['report', 'programme'], '2026-05-20'],
  ] as const) {
    const r = runCli(args, { cwd: dir, env: { MENTORSHIP_TODAY: today } });
    expect(r.code, r.stderr).toBe(0);
  }
  return path.join(dir, 'out/reports/programme.html');
}

describe('programme report in a browser', () => {
  it('renders the charts in headless Chromium: a screenshot full of them, and SVGs in the DOM', () => {
    const bin = findChromium();
    const html = programmeReport();
    const url = `file://${html}`;
    const png = path.join(tempDir('mentorship-shot-'), 'programme.png');
    chromium(bin, [`--screenshot=${png}`, '--window-size=1200,2000', url]);
    expect(fs.existsSync(png), 'Chromium wrote no screenshot').toBe(true);
    const img = decodePng(fs.readFileSync(png));
    expect([img.width, img.height]).toEqual([1200, 2000]);
    const colours = new Set<number>();
    let ink = 0;
    let green = 0;
    for (let i = 0; i < img.pixels.length; i += img.channels) {
      const [r, g, b] = [img.pixels[i]!, img.pixels[i + 1]!, img.pixels[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 600) ink++;
      // The ring and rating bars are filled with #3a9d5d.
      if (Math.abs(r - 0x3a) < 6 && Math.abs(g - 0x9d) < 6 && Math.abs(b - 0x5d) < 6) green++;
    }
    const total = img.width * img.height;
    expect(colours.size).toBeGreaterThan(100);
    expect(ink / total).toBeGreaterThan(0.02);
    expect(green).toBeGreaterThan(2000);

    const dom = chromium(bin, ['--dump-dom', url]);
    expect(dom.code).toBe(0);
    const svgs = dom.stdout.match(/<svg[\s>]/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(6);
    for (const title of ['Match rate', 'Meetings held by month', 'Response rates (%)', 'Ratings by question (mean, 1-5)', 'Mean satisfaction by match-score band']) {
      expect(dom.stdout).toContain(`<title>${title}</title>`);
    }
    expect(dom.stdout).toContain("default-src 'none'");
  });
});

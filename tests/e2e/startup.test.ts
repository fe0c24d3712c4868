// `--help` must stay instant: the modules main.ts loads statically may not include the heavy ones
// (exceljs, zod schemas, the solver, templates, MIME). Handlers are imported lazily.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = fs.readFileSync(file, 'utf8');
    // Static value imports only: `import type` and `import(...)` load nothing at start-up.
    for (const m of text.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)';?$/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
    for (const m of text.matchAll(/^export\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)';?$/gm)) {
      visit(path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return { files, packages };
}

describe('start-up', () => {
  it('loads no heavy module before a command runs', () => {
    const { files, packages } = staticGraph(path.join(REPO, 'src/main.ts'));
    for (const p of packages) expect(p === 'chalk' || p === 'commander' || p.startsWith('node:'), p).toBe(true);
    for (const heavy of ['exceljs', 'zod', 'handlebars', 'nodemailer', 'csv-parse', 'csv-stringify', '@inquirer/prompts', 'iconv-lite']) {
      expect(packages.has(heavy), heavy).toBe(false);
    }
    const rel = [...files].map((f) => path.relative(REPO, f));
    expect(rel.some((f) => f.includes('core/match/solver'))).toBe(false);
    expect(rel.some((f) => f.includes('src/commands/'))).toBe(false);
  });

  it('the graph walker does see heavy modules where they are', () => {
    const { packages } = staticGraph(path.join(REPO, 'src/core/scheme/schema.ts'));
    expect(packages.has('zod')).toBe(true);
  });
});

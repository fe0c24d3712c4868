// Local only: no personal data leaves the machine. The whole cycle runs in-process while every way
// out of it is watched (sockets, DNS, fetch); not one connection may be attempted. And no source
// file imports a network module.
import dns from 'node:dns';
import * as fs from 'node:fs';
import net from 'node:net';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { cycleSteps, describeCycle, PURGE, runCycle, type StepOutcome, writeHostileInputs } from './cycle.js';
import { cleanup, freshWorkspace, listFiles, tempRoot } from './inproc.js';

const root = tempRoot('trust-net-');
let outcomes: StepOutcome[] = [];

afterAll(() => {
  cleanup(root);
  console.log(`[trust] network: the cycle ran with sockets, DNS and fetch watched; ${describeCycle(outcomes)}`);
});

describe('local only', () => {
  it('the whole cycle, purge included, attempts no network connection and no DNS lookup', async () => {
    const attempts: string[] = [];
    const connect = net.Socket.prototype.connect;
    const lookup = dns.lookup;
    const fetch = globalThis.fetch;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      attempts.push(`connect ${JSON.stringify(args[0]).slice(0, 80)}`);
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    (dns as { lookup: unknown }).lookup = (...args: unknown[]) => {
      attempts.push(`dns ${String(args[0])}`);
      return (lookup as (...a: unknown[]) => unknown)(...args);
    };
    globalThis.fetch = ((input: unknown) => {
      attempts.push(`fetch ${String(input)}`);
      return fetch(input as string);
    }) as typeof fetch;
    try {
      const ws = await freshWorkspace(root);
      outcomes = await runCycle(ws, [...cycleSteps(writeHostileInputs(root)), PURGE]);
    } finally {
      net.Socket.prototype.connect = connect;
      (dns as { lookup: unknown }).lookup = lookup;
      globalThis.fetch = fetch;
    }
    expect(attempts).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'ran').length).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it('no source file imports a network module or calls fetch', () => {
    const src = path.join(REPO, 'src');
    const offenders = listFiles(src)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from ['"](node:)?(net|http|https|http2|dns|tls|dgram)['"]|\bfetch\(|XMLHttpRequest|WebSocket/.test(fs.readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

// The progress line: only on a terminal, and at most ten updates a second however often the
// import ticks (a big file read in parts ticks for every few dozen rows).
import { describe, expect, it } from 'vitest';
import { progress } from '../../src/ui/progress.js';

function terminal(isTTY = true) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as never, written };
}

describe('progress', () => {
  it('writes nothing when stderr is not a terminal, or when turned off', () => {
    const pipe = terminal(false);
    const bar = progress(pipe.stream, 'importing', 0, true, () => 0);
    bar.tick(5000);
    bar.end();
    const quiet = terminal();
    progress(quiet.stream, 'importing', 0, false, () => 0).tick(5000);
    expect([...pipe.written, ...quiet.written]).toEqual([]);
  });

  it('shows a count when the total is unknown, no more than every 100 ms', () => {
    const tty = terminal();
    let now = 1_000;
    const bar = progress(tty.stream, 'importing students', 0, true, () => now);
    for (let rows = 1000; rows <= 5000; rows += 1000) bar.tick(rows); // all within one moment
    now += 100;
    bar.tick(6000);
    expect(tty.written).toEqual(['\rimporting students 1000 rows', '\rimporting students 6000 rows']);
  });

  it('shows a percentage of a known total, and always the end', () => {
    const tty = terminal();
    const bar = progress(tty.stream, 'drafting', 2000, true, () => 5_000);
    bar.tick(500);
    bar.tick(1000);
    bar.tick(2000);
    bar.end();
    expect(tty.written).toEqual(['\rdrafting 25% (500/2000)', '\rdrafting 100% (2000/2000)', '\r\x1b[K']);
  });
});

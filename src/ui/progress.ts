// Progress for long work, on stderr and only on a terminal: pipes and CI logs stay clean.
import type { Writable } from 'node:stream';

export interface Progress {
  tick(done: number): void;
  end(): void;
}

const NOOP: Progress = { tick() {}, end() {} };

export function progress(stream: Writable & { isTTY?: boolean }, label: string, total: number, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY || total < 1000) return NOOP;
  let last = 0;
  return {
    tick(done: number) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const pct = Math.floor((done / total) * 100);
      stream.write(`\r${label} ${pct}% (${done}/${total})`);
    },
    end() {
      stream.write('\r\x1b[K');
    },
  };
}

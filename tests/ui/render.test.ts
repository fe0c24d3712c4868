// The one renderer: which stream each part of an Outcome goes to, and the --json envelope.
import { describe, expect, it } from 'vitest';
import { info, warning, type Outcome } from '../../src/outcome.js';
import { render } from '../../src/ui/render.js';
import { testContext } from '../helpers/context.js';

const outcome: Outcome = {
  result: { pairsMatched: 2 },
  changes: [
    { path: 'data/matches.csv', action: 'replace', bytes: 10 },
    { path: 'out/x.csv', action: 'unchanged', bytes: 3 },
  ],
  dryRun: false,
  text: 'out/match-review.xlsx',
  messages: [info('Proposed 2 pairs.'), warning('1 student has no mentor')],
};

describe('render', () => {
  it('text mode: data on stdout, messages on stderr', () => {
    const t = testContext('/tmp');
    t.ctx.info('reading the students');
    render(t.ctx, 'match', outcome);
    expect(t.stdout()).toBe('out/match-review.xlsx\n');
    expect(t.stderr()).toBe('reading the students\nProposed 2 pairs.\nwarning: 1 student has no mentor\n');
  });

  it('a dry run lists what it would write, not the unchanged files', () => {
    const t = testContext('/tmp', { opts: { dryRun: true } });
    render(t.ctx, 'match', { ...outcome, dryRun: true });
    expect(t.stderr()).toContain('dry run: nothing was written. It would write:\n  replace data/matches.csv\n');
    expect(t.stderr()).not.toContain('out/x.csv');
  });

  it('a dry run whose messages say the changes in short lists nothing more; --json still has every change', () => {
    const t = testContext('/tmp', { opts: { dryRun: true } });
    render(t.ctx, 'purge', { ...outcome, dryRun: true, listChanges: false });
    expect(t.stderr()).toBe('Proposed 2 pairs.\nwarning: 1 student has no mentor\n');
    const j = testContext('/tmp', { opts: { dryRun: true, json: true } });
    render(j.ctx, 'purge', { ...outcome, dryRun: true, listChanges: false });
    expect(JSON.parse(j.stdout()).changes).toHaveLength(2);
  });

  it('--quiet keeps warnings and data, drops the rest', () => {
    const t = testContext('/tmp', { opts: { quiet: true } });
    render(t.ctx, 'match', outcome);
    expect(t.stdout()).toBe('out/match-review.xlsx\n');
    expect(t.stderr()).toBe('warning: 1 student has no mentor\n');
  });

  it('--json: one envelope on stdout, with every message said during and after the run; warnings also on stderr', () => {
    const t = testContext('/tmp', { opts: { json: true } });
    t.ctx.info('reading the students');
    t.ctx.warn('row 3 skipped');
    render(t.ctx, 'match', outcome);
    const env = JSON.parse(t.stdout());
    expect(env).toEqual({
      command: 'match',
      dryRun: false,
      result: { pairsMatched: 2 },
      changes: [
        { path: 'data/matches.csv', action: 'replace', bytes: 10 },
        { path: 'out/x.csv', action: 'unchanged', bytes: 3 },
      ],
      messages: [
        { level: 'info', text: 'reading the students' },
        { level: 'warning', text: 'row 3 skipped' },
        { level: 'info', text: 'Proposed 2 pairs.' },
        { level: 'warning', text: '1 student has no mentor' },
      ],
    });
    expect(t.stderr()).toBe('warning: row 3 skipped\nwarning: 1 student has no mentor\n');
  });

  it('--json strips colour from messages', () => {
    const t = testContext('/tmp', { opts: { json: true }, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    render(t.ctx, 'status', { result: {}, messages: [info(t.ctx.chalk.red('short'))] });
    expect(JSON.parse(t.stdout()).messages).toEqual([{ level: 'info', text: 'short' }]);
  });
});

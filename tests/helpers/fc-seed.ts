// Property and fuzz tests draw from one seed, so any failure (in CI too) replays exactly with
// FUZZ_SEED=N npm test. FUZZ_SEED=random explores new cases and prints the seed it drew.
// FUZZ_PATH=i (with the seed, and -t naming the test) replays run i of a property first: the run a
// fuzz violation names (tests/trust/outcome.ts); the fuzzers then run that case alone.
import fc from 'fast-check';

const raw = process.env.FUZZ_SEED ?? '20261204';
const seed = raw === 'random' ? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0 : Number(raw);
if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${JSON.stringify(raw)}`);
if (raw === 'random') console.log(`[fuzz] FUZZ_SEED=${seed}`);
const fuzzPath = process.env.FUZZ_PATH;
if (fuzzPath !== undefined && !/^\d+(:\d+)*$/.test(fuzzPath)) throw new Error(`FUZZ_PATH must be a run number such as 42 (or a fast-check path such as 42:0:1), not ${JSON.stringify(fuzzPath)}`);
fc.configureGlobal({ seed, ...(fuzzPath ? { path: fuzzPath } : {}) });

// Property and fuzz tests draw from one seed, so any failure (in CI too) replays exactly with
// FUZZ_SEED=N npm test. FUZZ_SEED=random explores new cases and prints the seed it drew.
import fc from 'fast-check';

const raw = process.env.FUZZ_SEED ?? '20261204';
const seed = raw === 'random' ? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0 : Number(raw);
if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${JSON.stringify(raw)}`);
if (raw === 'random') console.log(`[fuzz] FUZZ_SEED=${seed}`);
fc.configureGlobal({ seed });

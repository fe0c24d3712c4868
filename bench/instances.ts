/**
 * Seeded bench instances shaped like real cohorts, shared by every bench that needs a matching
 * problem. Same (students, seed) always gives the same instance, on any machine.
 *
 * PRNG: mulberry32 (Tommy Ettinger's 32-bit generator: add a Weyl constant, then two
 * xorshift-multiply rounds). Statistically fine for test data, tiny, and exactly reproducible
 * because it only uses 32-bit integer arithmetic (Math.imul, >>>).
 *
 * Scores mimic the real scoring: 50 x share of the student's sectors the mentor shares, 25 x share
 * of the student's support areas the mentor offers, 10 for the same region, 15 for the same
 * programme group, rounded to 2 decimals. Shares take few values, so scores tie a lot, as they do
 * in real cohorts; sector popularity is Zipf-like so a few mentors are wanted by many students.
 */
import type { AssignmentInput } from '../src/core/match/solver.js';
import { mulberry32 } from '../fixtures/people.js';

export { mulberry32 };

export interface BenchInstance extends AssignmentInput {
  stats: {
    students: number;
    mentors: number;
    totalCapacity: number;
    forbiddenPairs: number;
    seed: number;
  };
}

const SECTORS = 24;
const SUPPORT_AREAS = 8;
const REGIONS = 6;
const PROGRAMME_GROUPS = 10;
const FORBIDDEN_SHARE = 0.05;

interface Profile {
  sectors: Int32Array; // bit masks
  sectorCount: Int32Array;
  support: Int32Array;
  supportCount: Int32Array;
  region: Int32Array;
  programme: Int32Array;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

function makeProfiles(n: number, rand: () => number, zipf: Float64Array): Profile {
  const p: Profile = {
    sectors: new Int32Array(n),
    sectorCount: new Int32Array(n),
    support: new Int32Array(n),
    supportCount: new Int32Array(n),
    region: new Int32Array(n),
    programme: new Int32Array(n),
  };
  const zipfTotal = zipf[SECTORS - 1]!;
  for (let i = 0; i < n; i++) {
    const want = 1 + Math.floor(rand() * 3);
    let mask = 0;
    while (popcount(mask) < want) {
      // Inverse-CDF draw: low-numbered sectors are much more popular.
      const x = rand() * zipfTotal;
      let k = 0;
      while (zipf[k]! < x) k++;
      mask |= 1 << k;
    }
    p.sectors[i] = mask;
    p.sectorCount[i] = want;
    const wantSupport = 1 + Math.floor(rand() * 3);
    let sup = 0;
    while (popcount(sup) < wantSupport) sup |= 1 << Math.floor(rand() * SUPPORT_AREAS);
    p.support[i] = sup;
    p.supportCount[i] = wantSupport;
    p.region[i] = Math.floor(rand() * REGIONS);
    p.programme[i] = Math.floor(rand() * PROGRAMME_GROUPS);
  }
  return p;
}

/**
 * A cohort of `students` with ~students/2.5 mentors of capacity 1-5 totalling 1.2 x students.
 * `capacityRatio` (total places / students, kept within what 1-5 per mentor allows) exists so a
 * bench can also show a short-of-places cohort, where a naive assignment leaves students out.
 */
export function makeBenchInstance(students: number, seed = 1, capacityRatio = 1.2): BenchInstance {
  const rand = mulberry32(seed);
  const S = students;
  const M = Math.max(1, Math.round(S / 2.5));
  const totalCapacity = Math.max(M, Math.min(5 * M, Math.round(capacityRatio * S)));
  const capacity = new Int32Array(M);
  let sum = 0;
  for (let j = 0; j < M; j++) {
    capacity[j] = 1 + Math.floor(rand() * 5);
    sum += capacity[j]!;
  }
  // Nudge random mentors until the total is exact, staying within 1..5.
  while (sum !== totalCapacity) {
    const j = Math.floor(rand() * M);
    if (sum > totalCapacity && capacity[j]! > 1) {
      capacity[j]!--;
      sum--;
    } else if (sum < totalCapacity && capacity[j]! < 5) {
      capacity[j]!++;
      sum++;
    }
  }

  const zipf = new Float64Array(SECTORS);
  let acc = 0;
  for (let k = 0; k < SECTORS; k++) {
    acc += 1 / Math.pow(k + 1, 1.1);
    zipf[k] = acc;
  }
  const st = makeProfiles(S, rand, zipf);
  const me = makeProfiles(M, rand, zipf);

  const scores = new Float64Array(S * M);
  let forbiddenPairs = 0;
  for (let i = 0; i < S; i++) {
    const base = i * M;
    const sSec = st.sectors[i]!;
    const sSecN = st.sectorCount[i]!;
    const sSup = st.support[i]!;
    const sSupN = st.supportCount[i]!;
    const sReg = st.region[i]!;
    const sProg = st.programme[i]!;
    for (let j = 0; j < M; j++) {
      if (rand() < FORBIDDEN_SHARE) {
        scores[base + j] = -Infinity;
        forbiddenPairs++;
        continue;
      }
      const raw =
        (50 * popcount(sSec & me.sectors[j]!)) / sSecN +
        (25 * popcount(sSup & me.support[j]!)) / sSupN +
        (sReg === me.region[j] ? 10 : 0) +
        (sProg === me.programme[j] ? 15 : 0);
      scores[base + j] = Math.round(raw * 100) / 100;
    }
  }
  return {
    students: S,
    mentors: M,
    capacity,
    scores,
    stats: { students: S, mentors: M, totalCapacity, forbiddenPairs, seed },
  };
}

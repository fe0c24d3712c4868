/**
 * Maximum-cardinality b-matching (students x mentors with capacities) restricted to pairs whose
 * score is >= a threshold, and the bottleneck threshold search that fair mode is built on.
 *
 * Adjacency is read straight from the dense score matrix, or from a compact copy of the allowed
 * pairs when they are few, so no S*M-sized structure is ever built.
 * Augmentation uses passes of depth-first searches that share one visited-mentor mark per pass
 * (as in Hopcroft-Karp phases): a pass in which every search fails proves the matching maximum,
 * since a mentor visited by a failed search stays useless while the matching does not change.
 */
/**
 * Size of a maximum matching using only pairs with score >= lo. `start` (optional) is a valid
 * matching to begin from; pairs below lo are dropped from it first. Stops early at `target`.
 */
export function maxCardinality(students, mentors, cap, scores, lo, start, target = Infinity) {
    const S = students;
    const M = mentors;
    const rows = allowedRows(S, M, scores, lo);
    const { sparse, off, adj } = rows;
    const rowFrom = (k) => (sparse ? off[k] : k * M);
    const rowTo = (k) => (sparse ? off[k + 1] : k * M + M);
    const mentorOf = new Int32Array(S).fill(-1);
    const load = new Int32Array(M);
    const head = new Int32Array(M).fill(-1);
    const next = new Int32Array(S).fill(-1);
    const prev = new Int32Array(S).fill(-1);
    let size = 0;
    // Mentors with room: when none is left no augmenting path can end anywhere, so the matching is
    // maximum, and short-of-places cohorts stop without any search.
    let free = 0;
    for (let j = 0; j < M; j++)
        if (cap[j] > 0)
            free++;
    const assign = (i, j) => {
        if (load[j] + 1 === cap[j])
            free--;
        const h = head[j];
        next[i] = h;
        prev[i] = -1;
        if (h !== -1)
            prev[h] = i;
        head[j] = i;
        mentorOf[i] = j;
        load[j]++;
    };
    const unassign = (i) => {
        const j = mentorOf[i];
        const p = prev[i];
        const n = next[i];
        if (p !== -1)
            next[p] = n;
        else
            head[j] = n;
        if (n !== -1)
            prev[n] = p;
        mentorOf[i] = -1;
        if (load[j] === cap[j])
            free++;
        load[j]--;
    };
    if (start) {
        for (let i = 0; i < S; i++) {
            const j = start[i];
            if (j >= 0 && scores[i * M + j] >= lo) {
                assign(i, j);
                size++;
            }
        }
    }
    const visited = new Int32Array(M);
    const cursor = new Int32Array(S);
    const stackS = new Int32Array(S + 1);
    let stamp = 0;
    const augment = (d, last) => {
        let to = last;
        for (let t = d; t >= 0; t--) {
            const k = stackS[t];
            const from = mentorOf[k];
            if (from >= 0)
                unassign(k);
            assign(k, to);
            to = from;
        }
        size++;
    };
    // Entering student k (at depth d): a mentor with room ends the path at once, which keeps paths
    // short; doubling as the greedy start when called at depth 0 on an unmatched student.
    const enter = (k, d) => {
        const from = rowFrom(k);
        const to = rowTo(k);
        const base = k * M;
        const own = mentorOf[k];
        cursor[k] = from;
        for (let pos = from; pos < to; pos++) {
            const j = sparse ? adj[pos] : pos - base;
            if (j !== own && load[j] < cap[j] && (sparse || scores[pos] >= lo)) {
                augment(d, j);
                return true;
            }
        }
        return false;
    };
    // Iterative, because an alternating path can be as long as the number of students.
    const search = (root) => {
        let d = 0;
        stackS[0] = root;
        if (enter(root, 0))
            return true;
        while (d >= 0) {
            const k = stackS[d];
            const own = mentorOf[k];
            const base = k * M;
            const to = rowTo(k);
            let pos = cursor[k];
            let j = -1;
            for (; pos < to; pos++) {
                const jj = sparse ? adj[pos] : pos - base;
                if (jj === own || visited[jj] === stamp || !(sparse || scores[pos] >= lo))
                    continue;
                j = jj;
                pos++;
                break;
            }
            cursor[k] = pos;
            if (j >= 0) {
                visited[j] = stamp;
                const first = head[j];
                if (first !== -1) {
                    stackS[++d] = first;
                    if (enter(first, d))
                        return true;
                }
                continue;
            }
            // k is exhausted: try the next student of the same mentor, else back up.
            if (d === 0)
                return false;
            const sib = next[k];
            if (sib !== -1) {
                stackS[d] = sib;
                if (enter(sib, d))
                    return true;
            }
            else {
                d--;
            }
        }
        return false;
    };
    for (let i = 0; i < S && size < target && free > 0; i++) {
        stackS[0] = i;
        if (mentorOf[i] < 0)
            enter(i, 0);
    }
    while (size < target && free > 0) {
        stamp++;
        let found = 0;
        for (let i = 0; i < S && size < target && free > 0; i++) {
            if (mentorOf[i] < 0 && search(i))
                found++;
        }
        if (found === 0)
            break;
    }
    return { mentorOf, size };
}
/** Above this many allowed pairs the dense matrix is scanned directly instead of copied. */
const SPARSE_MIN_BUDGET = 1 << 20;
/**
 * Allowed pairs as CSR when they are a small share of the matrix (high thresholds, where most
 * searches fail and each pass would otherwise rescan every full row), else a dense marker. The
 * budget keeps the copy far below the size of the input itself.
 */
function allowedRows(S, M, scores, lo) {
    let count = 0;
    for (let x = 0; x < scores.length; x++)
        if (scores[x] >= lo)
            count++;
    if (count > Math.max(SPARSE_MIN_BUDGET, scores.length >> 3)) {
        return { sparse: false, off: new Int32Array(0), adj: new Int32Array(0) };
    }
    const off = new Int32Array(S + 1);
    const adj = new Int32Array(count);
    let n = 0;
    for (let i = 0; i < S; i++) {
        const base = i * M;
        for (let j = 0; j < M; j++)
            if (scores[base + j] >= lo)
                adj[n++] = j;
        off[i + 1] = n;
    }
    return { sparse: true, off, adj };
}
/** The smallest double strictly greater than x, for "strictly above the threshold" tests. */
export function nextUp(x) {
    if (Number.isNaN(x) || x === Infinity)
        return x;
    if (x === 0)
        return Number.MIN_VALUE;
    const f = new Float64Array([x]);
    const b = new BigInt64Array(f.buffer);
    b[0] = x > 0 ? b[0] + 1n : b[0] - 1n;
    return f[0];
}
/** Candidate thresholds are collected and sorted outright once at most this many remain. */
const COLLECT_LIMIT = 1 << 18;
/**
 * The greatest finite score t such that a maximum matching using only pairs with score >= t is
 * as large as the unrestricted maximum (`full`, with its matching `fullMatch`). Bisection over the
 * distinct score values; when there are too many to collect, a pivot is taken from a strided
 * sample of them so memory stays small and each probe still removes a large share.
 */
export function bottleneckThreshold(students, mentors, cap, scores, minFinite, full) {
    let lo = minFinite; // feasible
    let loMatch = full.mentorOf;
    let hi = Infinity; // infeasible (or beyond every score)
    let probes = 0;
    const feasible = (t) => {
        probes++;
        const r = maxCardinality(students, mentors, cap, scores, t, loMatch, full.size);
        if (r.size === full.size) {
            loMatch = r.mentorOf;
            return true;
        }
        return false;
    };
    const n = scores.length;
    for (;;) {
        let count = 0;
        for (let x = 0; x < n; x++) {
            const s = scores[x];
            if (s > lo && s < hi)
                count++;
        }
        if (count === 0)
            return { threshold: lo, probes };
        if (count <= COLLECT_LIMIT) {
            const vals = new Float64Array(count);
            let c = 0;
            for (let x = 0; x < n; x++) {
                const s = scores[x];
                if (s > lo && s < hi)
                    vals[c++] = s;
            }
            vals.sort();
            let m = 0;
            for (let x = 0; x < count; x++)
                if (x === 0 || vals[x] !== vals[m - 1])
                    vals[m++] = vals[x];
            // Invariant: index l is feasible (-1 stands for lo), index h infeasible (m stands for hi).
            let l = -1;
            let h = m;
            while (h - l > 1) {
                const mid = (l + h) >> 1;
                if (feasible(vals[mid]))
                    l = mid;
                else
                    h = mid;
            }
            return { threshold: l >= 0 ? vals[l] : lo, probes };
        }
        const stride = Math.ceil(count / 4096);
        const sample = [];
        let seen = 0;
        for (let x = 0; x < n; x++) {
            const s = scores[x];
            if (s > lo && s < hi && seen++ % stride === 0)
                sample.push(s);
        }
        sample.sort((a, b) => a - b);
        const pivot = sample[sample.length >> 1];
        if (feasible(pivot))
            lo = pivot;
        else
            hi = pivot;
    }
}

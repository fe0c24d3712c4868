/**
 * Candidate lists (the sparse graph the flow engine works on) and the pricing pass that proves, over
 * every student x mentor pair, that nothing outside the lists could improve the answer.
 *
 * Everything here scans the dense score matrix row by row, which is the only S*M-sized object the
 * solver ever touches; the lists themselves are CSR typed arrays of a few entries per student.
 */
/**
 * Each student's K best allowed mentors by score. Ties keep the lower mentor index, and each list
 * is stored in ascending mentor order so every later scan breaks ties by input order.
 */
export function topKCandidates(p, k) {
    const { students: S, mentors: M, scores, lo, big, shift } = p;
    const K = Math.max(1, Math.min(k, M));
    const off = new Int32Array(S + 1);
    const adj = new Int32Array(S * K);
    const wt = new Float64Array(S * K);
    const bestS = new Float64Array(K);
    const bestJ = new Int32Array(K);
    let n = 0;
    for (let i = 0; i < S; i++) {
        const base = i * M;
        let count = 0;
        let worst = Infinity;
        for (let j = 0; j < M; j++) {
            const s = scores[base + j];
            if (!(s >= lo))
                continue;
            if (count === K && !(s > worst))
                continue;
            // Insertion keeps the list sorted by score descending; a strict comparison leaves an
            // earlier (lower-index) mentor ahead of a later one with an equal score.
            let at = count < K ? count++ : K - 1;
            while (at > 0 && bestS[at - 1] < s) {
                bestS[at] = bestS[at - 1];
                bestJ[at] = bestJ[at - 1];
                at--;
            }
            bestS[at] = s;
            bestJ[at] = j;
            worst = count === K ? bestS[K - 1] : -Infinity;
        }
        const start = n;
        for (let t = 0; t < count; t++)
            adj[n++] = bestJ[t];
        adj.subarray(start, n).sort();
        for (let t = start; t < n; t++)
            wt[t] = big + scores[base + adj[t]] - shift;
        off[i + 1] = n;
    }
    return { off, adj: adj.slice(0, n), wt: wt.slice(0, n) };
}
/**
 * The pricing pass: finds allowed pairs with u_i + v_j < w_ij - eps that are not yet candidates.
 * Only the `perStudent` most violated pairs of each student are kept, because adding one good
 * alternative usually removes the rest of that student's violations once the duals move.
 */
export function priceViolations(p, cand, u, v, eps, perStudent) {
    const { students: S, mentors: M, scores, lo, big, shift } = p;
    const P = Math.max(1, perStudent);
    const mark = new Int32Array(M).fill(-1);
    const keepR = new Float64Array(P);
    const keepJ = new Int32Array(P);
    const studs = [];
    const offs = [0];
    const adjs = [];
    let total = 0;
    const negEps = -eps;
    for (let i = 0; i < S; i++) {
        const base = i * M;
        // r = u_i + v_j - (big + s - shift) = (u_i - big + shift) + v_j - s.
        const ui = u[i] - big + shift;
        let count = 0;
        let marked = false;
        for (let j = 0; j < M; j++) {
            const s = scores[base + j];
            if (!(s >= lo))
                continue;
            const r = ui + v[j] - s;
            if (!(r < negEps))
                continue;
            if (!marked) {
                // Rows are only marked when they have a suspect pair: violations are rare once warm.
                for (let e = cand.off[i]; e < cand.off[i + 1]; e++)
                    mark[cand.adj[e]] = i;
                marked = true;
            }
            if (mark[j] === i)
                continue;
            total++;
            if (count === P && !(r < keepR[P - 1]))
                continue;
            let at = count < P ? count++ : P - 1;
            while (at > 0 && keepR[at - 1] > r) {
                keepR[at] = keepR[at - 1];
                keepJ[at] = keepJ[at - 1];
                at--;
            }
            keepR[at] = r;
            keepJ[at] = j;
        }
        if (count === 0)
            continue;
        studs.push(i);
        const picked = Array.from(keepJ.subarray(0, count)).sort((a, b) => a - b);
        for (const j of picked)
            adjs.push(j);
        offs.push(adjs.length);
    }
    return {
        students: Int32Array.from(studs),
        off: Int32Array.from(offs),
        adj: Int32Array.from(adjs),
        total,
    };
}
/** Adds the violating pairs to the candidate lists, keeping each list sorted by mentor. */
export function mergeCandidates(p, cand, viol) {
    const { students: S, mentors: M, scores, big, shift } = p;
    const extra = viol.adj.length;
    const off = new Int32Array(S + 1);
    const adj = new Int32Array(cand.adj.length + extra);
    const wt = new Float64Array(cand.adj.length + extra);
    let vi = 0;
    let n = 0;
    for (let i = 0; i < S; i++) {
        let a = cand.off[i];
        const aEnd = cand.off[i + 1];
        let b = 0;
        let bEnd = 0;
        if (vi < viol.students.length && viol.students[vi] === i) {
            b = viol.off[vi];
            bEnd = viol.off[vi + 1];
            vi++;
        }
        while (a < aEnd || b < bEnd) {
            const ja = a < aEnd ? cand.adj[a] : M;
            const jb = b < bEnd ? viol.adj[b] : M;
            if (ja <= jb) {
                adj[n] = ja;
                wt[n++] = cand.wt[a++];
                if (ja === jb)
                    b++;
            }
            else {
                adj[n] = jb;
                wt[n++] = big + scores[i * M + jb] - shift;
                b++;
            }
        }
        off[i + 1] = n;
    }
    return { off, adj: adj.slice(0, n), wt: wt.slice(0, n) };
}
/** Mentor-major copy of the lists, needed when a freed place searches for who could move into it. */
export function transposeCandidates(cand, students, mentors) {
    const off = new Int32Array(mentors + 1);
    for (let e = 0; e < cand.adj.length; e++)
        off[cand.adj[e] + 1]++;
    for (let j = 0; j < mentors; j++)
        off[j + 1] += off[j];
    const fill = off.slice(0, mentors);
    const adj = new Int32Array(cand.adj.length);
    const wt = new Float64Array(cand.adj.length);
    // Students are visited in ascending order, so each mentor's list comes out ascending too.
    for (let i = 0; i < students; i++) {
        for (let e = cand.off[i]; e < cand.off[i + 1]; e++) {
            const at = fill[cand.adj[e]]++;
            adj[at] = i;
            wt[at] = cand.wt[e];
        }
    }
    return { off, adj, wt };
}

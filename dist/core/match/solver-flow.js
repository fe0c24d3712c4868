/**
 * Successive shortest augmenting paths for max-weight b-matching on students x mentors, working on
 * mentors with capacities directly (no slot expansion).
 *
 * Every student always "holds" either a mentor or its private zero-weight unmatched option, so the
 * problem is a transportation problem and each student can be added with one Dijkstra
 * (Jonker-Volgenant style). Dual invariants kept between operations, which together are the LP
 * optimality certificate on the candidate graph:
 *   - u_i + v_j >= w_ij on every candidate pair, with equality when i is matched to j;
 *   - u_i >= 0, and u_i == 0 when i is unmatched (the unmatched option has weight 0);
 *   - v_j >= 0, and v_j == 0 when mentor j is below capacity.
 * The last one is why a mentor with room is a sink at exactly its distance: its price is zero.
 */
import { ReverseRepair } from './solver-flow-reverse.js';
import { SINK_MENTOR, SINK_UNMATCHED } from './solver-flow-state.js';
export class FlowEngine extends ReverseRepair {
    /** Adds student s to an optimal solution of the others, keeping it optimal. */
    insert(s) {
        const { off, adj, wt } = this.cand;
        const { v, load, cap } = this;
        // u_s is the best reduced gain, which makes every edge of s dual feasible and at least one tight.
        let best = 0;
        let bestJ = -1;
        let bestFree = false;
        for (let e = off[s]; e < off[s + 1]; e++) {
            const j = adj[e];
            const val = wt[e] - v[j];
            if (val > best || (val === best && bestJ >= 0 && !bestFree && load[j] < cap[j])) {
                best = val;
                bestJ = j;
                bestFree = load[j] < cap[j];
            }
        }
        this.u[s] = best;
        if (bestJ < 0)
            return; // The unmatched option is tight at distance 0.
        if (bestFree) {
            // Fast path: a zero-slack mentor with room is a shortest path of length 0, no heap needed.
            this.assign(s, bestJ);
            return;
        }
        this.forwardSearch(s);
    }
    forwardSearch(s) {
        this.searches++;
        const { dM, dS, doneM, heapM, head, next, touchedS } = this;
        this.bestSink = this.u[s];
        this.sinkKind = SINK_UNMATCHED;
        this.sinkNode = s;
        let nSettledS = 0;
        const settledM = [];
        dS[s] = 0;
        touchedS[nSettledS++] = s;
        this.relaxFromStudent(s, 0);
        while (heapM.size > 0) {
            const j = heapM.peek();
            const dj = dM[j];
            if (dj >= this.bestSink)
                break;
            heapM.pop();
            doneM[j] = 1;
            settledM.push(j);
            // Students of a full mentor are reached at no cost (their edge is tight), so they are
            // settled with it; each student is reachable only through its own mentor.
            for (let k = head[j]; k !== -1; k = next[k]) {
                dS[k] = dj;
                touchedS[nSettledS++] = k;
                this.relaxFromStudent(k, dj);
            }
        }
        const D = this.bestSink;
        const { u, v } = this;
        // Lazy JV update: only settled nodes move, by how far they were inside the final distance.
        for (const j of settledM)
            v[j] += D - dM[j];
        for (let t = 0; t < nSettledS; t++) {
            const k = touchedS[t];
            u[k] -= D - dS[k];
            dS[k] = Infinity;
        }
        if (this.sinkKind === SINK_UNMATCHED) {
            const k = this.sinkNode;
            u[k] = 0; // Tight by construction; pin it against rounding.
            if (k !== s) {
                const j = this.mentorOf[k];
                this.unassign(k);
                this.shiftAlongForward(j, s);
            }
        }
        else {
            this.shiftAlongForward(this.sinkNode, s);
        }
        for (let t = 0; t < this.nTouchedM; t++) {
            const j = this.touchedM[t];
            dM[j] = Infinity;
            doneM[j] = 0;
        }
        this.nTouchedM = 0;
        heapM.clear();
    }
    relaxFromStudent(i, di) {
        const { off, adj, wt } = this.cand;
        const { dM, doneM, v, load, cap, predM, heapM } = this;
        const ui = this.u[i];
        const cur = this.mentorOf[i];
        for (let e = off[i]; e < off[i + 1]; e++) {
            const j = adj[e];
            if (j === cur || doneM[j] === 1)
                continue;
            let r = ui + v[j] - wt[e];
            if (r < 0)
                r = 0; // Rounding only: the invariant says r >= 0.
            const nd = di + r;
            if (nd < dM[j]) {
                if (dM[j] === Infinity)
                    this.touchedM[this.nTouchedM++] = j;
                dM[j] = nd;
                predM[j] = i;
                if (load[j] < cap[j]) {
                    // A mentor with room ends the path; going through it could never be shorter.
                    if (nd < this.bestSink) {
                        this.bestSink = nd;
                        this.sinkKind = SINK_MENTOR;
                        this.sinkNode = j;
                    }
                }
                else {
                    heapM.update(j);
                }
            }
        }
        const viaUnmatched = di + ui;
        if (viaUnmatched < this.bestSink) {
            this.bestSink = viaUnmatched;
            this.sinkKind = SINK_UNMATCHED;
            this.sinkNode = i;
        }
    }
    /** Walks the shortest-path tree back from mentor j, moving each student one step along it. */
    shiftAlongForward(j, s) {
        for (;;) {
            const i = this.predM[j];
            const old = this.mentorOf[i];
            if (old >= 0)
                this.unassign(i);
            this.assign(i, j);
            if (i === s)
                return;
            j = old;
        }
    }
    /**
     * Takes students out (to re-insert them after their candidate lists grew). Each place this frees
     * leaves a mentor below capacity with a possibly positive price, breaking v_j == 0; a reverse
     * search from that mentor then either finds who should fill the place or lowers the price to 0.
     */
    reinsert(students) {
        const freed = [];
        for (const i of students) {
            this.out[i] = 1;
            const j = this.mentorOf[i];
            if (j >= 0) {
                this.unassign(i);
                freed.push(j);
            }
        }
        for (const j of freed)
            this.repairFreedPlace(j);
        for (const i of students) {
            this.out[i] = 0;
            this.insert(i);
        }
    }
}

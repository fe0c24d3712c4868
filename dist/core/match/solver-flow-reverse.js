/**
 * Reverse search: restores optimality after a student is taken out of a full mentor. The freed
 * place leaves that mentor below capacity with a possibly positive price (v_j > 0), which breaks
 * complementary slackness. Searching backwards from it (who could move in, who could then move
 * into the place they left, ...) finds either a chain that refills it more cheaply than dropping
 * its price, or drops the price to 0. It is the mirror image of the forward insertion, so only
 * the students whose lists grew need re-solving after a pricing pass, never the whole cohort.
 */
import { FlowState, SINK_MENTOR, SINK_SELF, SINK_UNMATCHED } from './solver-flow-state.js';
export class ReverseRepair extends FlowState {
    repairFreedPlace(j0) {
        const { v, dM, dS, doneM, doneS, predM, heapS } = this;
        if (!(v[j0] > 0) || this.load[j0] >= this.cap[j0]) {
            if (this.load[j0] < this.cap[j0])
                v[j0] = 0;
            return;
        }
        this.searches++;
        this.bestSink = v[j0];
        this.sinkKind = SINK_SELF;
        this.sinkNode = j0;
        const settledM = [j0];
        dM[j0] = 0;
        doneM[j0] = 1;
        this.touchedM[this.nTouchedM++] = j0;
        this.relaxIntoMentor(j0, 0);
        while (heapS.size > 0) {
            const k = heapS.peek();
            const dk = dS[k];
            if (dk >= this.bestSink)
                break;
            heapS.pop();
            doneS[k] = 1;
            const mk = this.mentorOf[k];
            if (mk < 0) {
                // An unmatched student (u = 0) taking the chain's last place.
                const t = dk + this.u[k];
                if (t < this.bestSink) {
                    this.bestSink = t;
                    this.sinkKind = SINK_UNMATCHED;
                    this.sinkNode = k;
                }
                continue;
            }
            if (doneM[mk] === 1)
                continue;
            // k moving away frees a place at mk, which then needs its price lowered to 0: cost v_mk.
            doneM[mk] = 1;
            dM[mk] = dk;
            predM[mk] = k;
            this.touchedM[this.nTouchedM++] = mk;
            settledM.push(mk);
            const t = dk + v[mk];
            if (t < this.bestSink) {
                this.bestSink = t;
                this.sinkKind = SINK_MENTOR;
                this.sinkNode = mk;
            }
            this.relaxIntoMentor(mk, dk);
        }
        const D = this.bestSink;
        const { u, head, next } = this;
        // A student's own reverse distance can exceed its mentor's (it is only reached if it could
        // move elsewhere), yet its matched pair must stay tight, so every student of a settled mentor
        // rises with the mentor's price drop. Raising u never breaks feasibility, and students on the
        // path were the ones that settled their mentor, so path pairs still end up tight. Settled
        // unmatched students lie at distance >= D and need no change.
        for (const m of settledM) {
            const delta = D - dM[m];
            if (!(delta > 0))
                continue;
            const nv = v[m] - delta;
            v[m] = nv > 0 ? nv : 0;
            for (let k = head[m]; k !== -1; k = next[k])
                u[k] += delta;
        }
        if (this.sinkKind === SINK_MENTOR) {
            v[this.sinkNode] = 0;
            this.shiftAlongReverse(predM[this.sinkNode], j0);
        }
        else if (this.sinkKind === SINK_UNMATCHED) {
            u[this.sinkNode] = 0;
            this.shiftAlongReverse(this.sinkNode, j0);
        }
        else {
            v[j0] = 0;
        }
        for (let t = 0; t < this.nTouchedS; t++) {
            const k = this.touchedS[t];
            dS[k] = Infinity;
            doneS[k] = 0;
        }
        this.nTouchedS = 0;
        for (let t = 0; t < this.nTouchedM; t++) {
            const j = this.touchedM[t];
            dM[j] = Infinity;
            doneM[j] = 0;
        }
        this.nTouchedM = 0;
        heapS.clear();
    }
    relaxIntoMentor(m, dm) {
        const { off, adj, wt } = this.byMentor;
        const { dS, doneS, out, mentorOf, u, predS, heapS } = this;
        const vm = this.v[m];
        for (let t = off[m]; t < off[m + 1]; t++) {
            const k = adj[t];
            if (out[k] === 1 || doneS[k] === 1 || mentorOf[k] === m)
                continue;
            let r = u[k] + vm - wt[t];
            if (r < 0)
                r = 0;
            const nd = dm + r;
            if (nd < dS[k]) {
                if (dS[k] === Infinity)
                    this.touchedS[this.nTouchedS++] = k;
                dS[k] = nd;
                predS[k] = m;
                heapS.update(k);
            }
        }
    }
    /** Moves student k into the mentor it was reached from, and so on back to j0. */
    shiftAlongReverse(k, j0) {
        for (;;) {
            const target = this.predS[k];
            if (this.mentorOf[k] >= 0)
                this.unassign(k);
            this.assign(k, target);
            if (target === j0)
                return;
            k = this.predM[target];
        }
    }
}

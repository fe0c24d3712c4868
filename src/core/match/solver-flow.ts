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
import type { Csr } from './solver-candidates.js';
import { transposeCandidates } from './solver-candidates.js';
import { IndexedMinHeap } from './solver-heap.js';

const SINK_UNMATCHED = 0;
const SINK_MENTOR = 1;
const SINK_SELF = 2;

export class FlowEngine {
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly mentorOf: Int32Array;
  readonly load: Int32Array;
  /** Dijkstra runs (the fast path that needs no search is not counted). */
  searches = 0;

  private cand: Csr = { off: new Int32Array(1), adj: new Int32Array(0), wt: new Float64Array(0) };
  private byMentor: Csr = { off: new Int32Array(1), adj: new Int32Array(0), wt: new Float64Array(0) };
  // Students of each mentor as intrusive doubly linked lists, so moving a student is O(1) whatever
  // the capacity, and memory stays O(S + M).
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Students temporarily taken out while their candidate lists change. */
  private readonly out: Uint8Array;

  private readonly dM: Float64Array;
  private readonly dS: Float64Array;
  private readonly predM: Int32Array;
  private readonly predS: Int32Array;
  private readonly doneM: Uint8Array;
  private readonly doneS: Uint8Array;
  private readonly touchedM: Int32Array;
  private readonly touchedS: Int32Array;
  private nTouchedM = 0;
  private nTouchedS = 0;
  private readonly heapM: IndexedMinHeap;
  private readonly heapS: IndexedMinHeap;
  private bestSink = 0;
  private sinkKind = SINK_UNMATCHED;
  private sinkNode = -1;

  constructor(
    private readonly S: number,
    private readonly M: number,
    private readonly cap: Int32Array,
  ) {
    this.u = new Float64Array(S);
    this.v = new Float64Array(M);
    this.mentorOf = new Int32Array(S).fill(-1);
    this.load = new Int32Array(M);
    this.head = new Int32Array(M).fill(-1);
    this.next = new Int32Array(S).fill(-1);
    this.prev = new Int32Array(S).fill(-1);
    this.out = new Uint8Array(S);
    this.dM = new Float64Array(M).fill(Infinity);
    this.dS = new Float64Array(S).fill(Infinity);
    this.predM = new Int32Array(M).fill(-1);
    this.predS = new Int32Array(S).fill(-1);
    this.doneM = new Uint8Array(M);
    this.doneS = new Uint8Array(S);
    this.touchedM = new Int32Array(M);
    this.touchedS = new Int32Array(S);
    this.heapM = new IndexedMinHeap(M, this.dM);
    this.heapS = new IndexedMinHeap(S, this.dS);
  }

  setCandidates(cand: Csr): void {
    this.cand = cand;
    this.byMentor = transposeCandidates(cand, this.S, this.M);
  }

  /** Adds student s to an optimal solution of the others, keeping it optimal. */
  insert(s: number): void {
    const { off, adj, wt } = this.cand;
    const { v, load, cap } = this;
    // u_s is the best reduced gain, which makes every edge of s dual feasible and at least one tight.
    let best = 0;
    let bestJ = -1;
    let bestFree = false;
    for (let e = off[s]!; e < off[s + 1]!; e++) {
      const j = adj[e]!;
      const val = wt[e]! - v[j]!;
      if (val > best || (val === best && bestJ >= 0 && !bestFree && load[j]! < cap[j]!)) {
        best = val;
        bestJ = j;
        bestFree = load[j]! < cap[j]!;
      }
    }
    this.u[s] = best;
    if (bestJ < 0) return; // The unmatched option is tight at distance 0.
    if (bestFree) {
      // Fast path: a zero-slack mentor with room is a shortest path of length 0, no heap needed.
      this.assign(s, bestJ);
      return;
    }
    this.forwardSearch(s);
  }

  private forwardSearch(s: number): void {
    this.searches++;
    const { dM, dS, doneM, heapM, head, next, touchedS } = this;
    this.bestSink = this.u[s]!;
    this.sinkKind = SINK_UNMATCHED;
    this.sinkNode = s;
    let nSettledS = 0;
    const settledM: number[] = [];
    dS[s] = 0;
    touchedS[nSettledS++] = s;
    this.relaxFromStudent(s, 0);
    while (heapM.size > 0) {
      const j = heapM.peek();
      const dj = dM[j]!;
      if (dj >= this.bestSink) break;
      heapM.pop();
      doneM[j] = 1;
      settledM.push(j);
      // Students of a full mentor are reached at no cost (their edge is tight), so they are
      // settled with it; each student is reachable only through its own mentor.
      for (let k = head[j]!; k !== -1; k = next[k]!) {
        dS[k] = dj;
        touchedS[nSettledS++] = k;
        this.relaxFromStudent(k, dj);
      }
    }
    const D = this.bestSink;
    const { u, v } = this;
    // Lazy JV update: only settled nodes move, by how far they were inside the final distance.
    for (const j of settledM) v[j]! += D - dM[j]!;
    for (let t = 0; t < nSettledS; t++) {
      const k = touchedS[t]!;
      u[k]! -= D - dS[k]!;
      dS[k] = Infinity;
    }
    if (this.sinkKind === SINK_UNMATCHED) {
      const k = this.sinkNode;
      u[k] = 0; // Tight by construction; pin it against rounding.
      if (k !== s) {
        const j = this.mentorOf[k]!;
        this.unassign(k);
        this.shiftAlongForward(j, s);
      }
    } else {
      this.shiftAlongForward(this.sinkNode, s);
    }
    for (let t = 0; t < this.nTouchedM; t++) {
      const j = this.touchedM[t]!;
      dM[j] = Infinity;
      doneM[j] = 0;
    }
    this.nTouchedM = 0;
    heapM.clear();
  }

  private relaxFromStudent(i: number, di: number): void {
    const { off, adj, wt } = this.cand;
    const { dM, doneM, v, load, cap, predM, heapM } = this;
    const ui = this.u[i]!;
    const cur = this.mentorOf[i]!;
    for (let e = off[i]!; e < off[i + 1]!; e++) {
      const j = adj[e]!;
      if (j === cur || doneM[j] === 1) continue;
      let r = ui + v[j]! - wt[e]!;
      if (r < 0) r = 0; // Rounding only: the invariant says r >= 0.
      const nd = di + r;
      if (nd < dM[j]!) {
        if (dM[j] === Infinity) this.touchedM[this.nTouchedM++] = j;
        dM[j] = nd;
        predM[j] = i;
        if (load[j]! < cap[j]!) {
          // A mentor with room ends the path; going through it could never be shorter.
          if (nd < this.bestSink) {
            this.bestSink = nd;
            this.sinkKind = SINK_MENTOR;
            this.sinkNode = j;
          }
        } else {
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
  private shiftAlongForward(j: number, s: number): void {
    for (;;) {
      const i = this.predM[j]!;
      const old = this.mentorOf[i]!;
      if (old >= 0) this.unassign(i);
      this.assign(i, j);
      if (i === s) return;
      j = old;
    }
  }

  /**
   * Takes students out (to re-insert them after their candidate lists grew). Each place this frees
   * leaves a mentor below capacity with a possibly positive price, breaking v_j == 0; a reverse
   * search from that mentor then either finds who should fill the place or lowers the price to 0.
   */
  reinsert(students: Int32Array): void {
    const freed: number[] = [];
    for (const i of students) {
      this.out[i] = 1;
      const j = this.mentorOf[i]!;
      if (j >= 0) {
        this.unassign(i);
        freed.push(j);
      }
    }
    for (const j of freed) this.repairFreedPlace(j);
    for (const i of students) {
      this.out[i] = 0;
      this.insert(i);
    }
  }

  private repairFreedPlace(j0: number): void {
    const { v, dM, dS, doneM, doneS, predM, heapS } = this;
    if (!(v[j0]! > 0) || this.load[j0]! >= this.cap[j0]!) {
      if (this.load[j0]! < this.cap[j0]!) v[j0] = 0;
      return;
    }
    this.searches++;
    this.bestSink = v[j0]!;
    this.sinkKind = SINK_SELF;
    this.sinkNode = j0;
    const settledM: number[] = [j0];
    dM[j0] = 0;
    doneM[j0] = 1;
    this.touchedM[this.nTouchedM++] = j0;
    this.relaxIntoMentor(j0, 0);
    while (heapS.size > 0) {
      const k = heapS.peek();
      const dk = dS[k]!;
      if (dk >= this.bestSink) break;
      heapS.pop();
      doneS[k] = 1;
      const mk = this.mentorOf[k]!;
      if (mk < 0) {
        // An unmatched student (u = 0) taking the chain's last place.
        const t = dk + this.u[k]!;
        if (t < this.bestSink) {
          this.bestSink = t;
          this.sinkKind = SINK_UNMATCHED;
          this.sinkNode = k;
        }
        continue;
      }
      if (doneM[mk] === 1) continue;
      // k moving away frees a place at mk, which then needs its price lowered to 0: cost v_mk.
      doneM[mk] = 1;
      dM[mk] = dk;
      predM[mk] = k;
      this.touchedM[this.nTouchedM++] = mk;
      settledM.push(mk);
      const t = dk + v[mk]!;
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
      const delta = D - dM[m]!;
      if (!(delta > 0)) continue;
      const nv = v[m]! - delta;
      v[m] = nv > 0 ? nv : 0;
      for (let k = head[m]!; k !== -1; k = next[k]!) u[k]! += delta;
    }
    if (this.sinkKind === SINK_MENTOR) {
      v[this.sinkNode] = 0;
      this.shiftAlongReverse(predM[this.sinkNode]!, j0);
    } else if (this.sinkKind === SINK_UNMATCHED) {
      u[this.sinkNode] = 0;
      this.shiftAlongReverse(this.sinkNode, j0);
    } else {
      v[j0] = 0;
    }
    for (let t = 0; t < this.nTouchedS; t++) {
      const k = this.touchedS[t]!;
      dS[k] = Infinity;
      doneS[k] = 0;
    }
    this.nTouchedS = 0;
    for (let t = 0; t < this.nTouchedM; t++) {
      const j = this.touchedM[t]!;
      dM[j] = Infinity;
      doneM[j] = 0;
    }
    this.nTouchedM = 0;
    heapS.clear();
  }

  private relaxIntoMentor(m: number, dm: number): void {
    const { off, adj, wt } = this.byMentor;
    const { dS, doneS, out, mentorOf, u, predS, heapS } = this;
    const vm = this.v[m]!;
    for (let t = off[m]!; t < off[m + 1]!; t++) {
      const k = adj[t]!;
      if (out[k] === 1 || doneS[k] === 1 || mentorOf[k] === m) continue;
      let r = u[k]! + vm - wt[t]!;
      if (r < 0) r = 0;
      const nd = dm + r;
      if (nd < dS[k]!) {
        if (dS[k] === Infinity) this.touchedS[this.nTouchedS++] = k;
        dS[k] = nd;
        predS[k] = m;
        heapS.update(k);
      }
    }
  }

  /** Moves student k into the mentor it was reached from, and so on back to j0. */
  private shiftAlongReverse(k: number, j0: number): void {
    for (;;) {
      const target = this.predS[k]!;
      if (this.mentorOf[k]! >= 0) this.unassign(k);
      this.assign(k, target);
      if (target === j0) return;
      k = this.predM[target]!;
    }
  }

  private assign(i: number, j: number): void {
    const h = this.head[j]!;
    this.next[i] = h;
    this.prev[i] = -1;
    if (h !== -1) this.prev[h] = i;
    this.head[j] = i;
    this.mentorOf[i] = j;
    this.load[j]!++;
  }

  private unassign(i: number): void {
    const j = this.mentorOf[i]!;
    const p = this.prev[i]!;
    const n = this.next[i]!;
    if (p !== -1) this.next[p] = n;
    else this.head[j] = n;
    if (n !== -1) this.prev[n] = p;
    this.next[i] = -1;
    this.prev[i] = -1;
    this.mentorOf[i] = -1;
    this.load[j]!--;
  }
}

import { transposeCandidates } from './solver-candidates.js';
import { IndexedMinHeap } from './solver-heap.js';
export const SINK_UNMATCHED = 0;
export const SINK_MENTOR = 1;
export const SINK_SELF = 2;
export class FlowState {
    S;
    M;
    cap;
    u;
    v;
    mentorOf;
    load;
    /** Dijkstra runs (the fast path that needs no search is not counted). */
    searches = 0;
    cand = { off: new Int32Array(1), adj: new Int32Array(0), wt: new Float64Array(0) };
    byMentor = { off: new Int32Array(1), adj: new Int32Array(0), wt: new Float64Array(0) };
    // Students of each mentor as intrusive doubly linked lists, so moving a student is O(1) whatever
    // the capacity, and memory stays O(S + M).
    head;
    next;
    prev;
    /** Students temporarily taken out while their candidate lists change. */
    out;
    dM;
    dS;
    predM;
    predS;
    doneM;
    doneS;
    touchedM;
    touchedS;
    nTouchedM = 0;
    nTouchedS = 0;
    heapM;
    heapS;
    bestSink = 0;
    sinkKind = SINK_UNMATCHED;
    sinkNode = -1;
    constructor(S, M, cap) {
        this.S = S;
        this.M = M;
        this.cap = cap;
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
    setCandidates(cand) {
        this.cand = cand;
        this.byMentor = transposeCandidates(cand, this.S, this.M);
    }
    assign(i, j) {
        const h = this.head[j];
        this.next[i] = h;
        this.prev[i] = -1;
        if (h !== -1)
            this.prev[h] = i;
        this.head[j] = i;
        this.mentorOf[i] = j;
        this.load[j]++;
    }
    unassign(i) {
        const j = this.mentorOf[i];
        const p = this.prev[i];
        const n = this.next[i];
        if (p !== -1)
            this.next[p] = n;
        else
            this.head[j] = n;
        if (n !== -1)
            this.prev[n] = p;
        this.next[i] = -1;
        this.prev[i] = -1;
        this.mentorOf[i] = -1;
        this.load[j]--;
    }
}

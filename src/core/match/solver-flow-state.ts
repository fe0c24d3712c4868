/**
 * State shared by the forward (insert a student) and reverse (repair a freed place) searches of
 * the flow engine: the assignment, the duals, the candidate graph and reusable search scratch.
 * Scratch arrays are sized once and reset only where a search touched them, so a search that
 * explores ten nodes costs ten nodes, not S + M.
 */
import type { Csr } from './solver-candidates.js';
import { transposeCandidates } from './solver-candidates.js';
import { IndexedMinHeap } from './solver-heap.js';

export const SINK_UNMATCHED = 0;
export const SINK_MENTOR = 1;
export const SINK_SELF = 2;

export class FlowState {
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly mentorOf: Int32Array;
  readonly load: Int32Array;
  /** Dijkstra runs (the fast path that needs no search is not counted). */
  searches = 0;

  protected cand: Csr = { off: new Int32Array(1), adj: new Int32Array(0), wt: new Float64Array(0) };
  protected byMentor: Csr = { off: new Int32Array(1), adj: new Int32Array(0), wt: new Float64Array(0) };
  // Students of each mentor as intrusive doubly linked lists, so moving a student is O(1) whatever
  // the capacity, and memory stays O(S + M).
  protected readonly head: Int32Array;
  protected readonly next: Int32Array;
  protected readonly prev: Int32Array;
  /** Students temporarily taken out while their candidate lists change. */
  protected readonly out: Uint8Array;

  protected readonly dM: Float64Array;
  protected readonly dS: Float64Array;
  protected readonly predM: Int32Array;
  protected readonly predS: Int32Array;
  protected readonly doneM: Uint8Array;
  protected readonly doneS: Uint8Array;
  protected readonly touchedM: Int32Array;
  protected readonly touchedS: Int32Array;
  protected nTouchedM = 0;
  protected nTouchedS = 0;
  protected readonly heapM: IndexedMinHeap;
  protected readonly heapS: IndexedMinHeap;
  protected bestSink = 0;
  protected sinkKind = SINK_UNMATCHED;
  protected sinkNode = -1;

  constructor(
    protected readonly S: number,
    protected readonly M: number,
    protected readonly cap: Int32Array,
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

  protected assign(i: number, j: number): void {
    const h = this.head[j]!;
    this.next[i] = h;
    this.prev[i] = -1;
    if (h !== -1) this.prev[h] = i;
    this.head[j] = i;
    this.mentorOf[i] = j;
    this.load[j]!++;
  }

  protected unassign(i: number): void {
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

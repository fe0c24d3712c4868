/**
 * Indexed binary min-heap over node ids 0..n-1, keyed by an external Float64Array.
 *
 * The keys live in the caller's distance array so a decrease-key is "write the new distance, then
 * call `update`": no objects are allocated on the hot path, which matters because the solver runs
 * one Dijkstra per student. Ties on the key are broken by the lower node id so that the order in
 * which equal-distance nodes are settled (and so which optimum is returned) depends only on the
 * input, never on the history of heap operations.
 */
export class IndexedMinHeap {
    heap;
    /** Position of each node in `heap`, or -1 when absent. */
    pos;
    key;
    size = 0;
    constructor(n, key) {
        this.heap = new Int32Array(Math.max(1, n));
        this.pos = new Int32Array(Math.max(1, n)).fill(-1);
        this.key = key;
    }
    /** Inserts `node`, or restores heap order after its key was lowered. */
    update(node) {
        const p = this.pos[node];
        if (p < 0) {
            const at = this.size++;
            this.heap[at] = node;
            this.pos[node] = at;
            this.siftUp(at);
        }
        else {
            this.siftUp(p);
        }
    }
    /** The minimum node without removing it; -1 when empty. */
    peek() {
        return this.size > 0 ? this.heap[0] : -1;
    }
    pop() {
        const heap = this.heap;
        const top = heap[0];
        this.pos[top] = -1;
        const last = heap[--this.size];
        if (this.size > 0) {
            heap[0] = last;
            this.pos[last] = 0;
            this.siftDown(0);
        }
        return top;
    }
    /** Empties the heap in O(size), so a search that touched few nodes resets cheaply. */
    clear() {
        for (let i = 0; i < this.size; i++)
            this.pos[this.heap[i]] = -1;
        this.size = 0;
    }
    less(a, b) {
        const ka = this.key[a];
        const kb = this.key[b];
        return ka < kb || (ka === kb && a < b);
    }
    siftUp(i) {
        const heap = this.heap;
        const pos = this.pos;
        const node = heap[i];
        while (i > 0) {
            const parent = (i - 1) >> 1;
            const pn = heap[parent];
            if (!this.less(node, pn))
                break;
            heap[i] = pn;
            pos[pn] = i;
            i = parent;
        }
        heap[i] = node;
        pos[node] = i;
    }
    siftDown(i) {
        const heap = this.heap;
        const pos = this.pos;
        const n = this.size;
        const node = heap[i];
        for (;;) {
            let child = 2 * i + 1;
            if (child >= n)
                break;
            const right = child + 1;
            if (right < n && this.less(heap[right], heap[child]))
                child = right;
            const cn = heap[child];
            if (!this.less(cn, node))
                break;
            heap[i] = cn;
            pos[cn] = i;
            i = child;
        }
        heap[i] = node;
        pos[node] = i;
    }
}

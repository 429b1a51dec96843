/**
 * V8's optimised code holds the hidden classes it was compiled for only weakly: when the last
 * object of such a class dies, every function compiled against it is thrown away. A custom
 * function's objects (the table scans, the log, the index) all die between recalculations, so
 * each recalculation after a garbage collection ran unoptimised again and re-optimised its hot
 * functions one by one — RANK took 2–5× and GAPCHECK 1.2× as long after a collection.
 *
 * A read keeps its last objects here until the next read of the same kind replaces them: their
 * classes, and the code compiled for them, then outlive a collection. The cost is that the last
 * read of each kind stays in memory until the next one, so what is kept must not reach the host's
 * ranges — not through a field, nor through a closure made where they are in scope (a closure
 * holds its whole enclosing scope). test/unit/functions/retention.test.ts and the bundle tests
 * check with WeakRefs that no call's range outlives it.
 */
const kept = new Map<string, readonly unknown[]>();

/** Keeps `objects` (alive, never looked at) until the next keepShapes of `kind`. */
export function keepShapes(kind: string, ...objects: unknown[]): void {
  kept.set(kind, objects);
}

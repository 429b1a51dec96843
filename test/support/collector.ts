import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/*
 * The garbage collector on demand, for tests that check what a call lets go of: the real V8
 * collector, reached without starting jest under --expose-gc.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** How many of `refs` still reach their object after a full collection. */
export async function survivors(refs: readonly WeakRef<object>[]): Promise<number> {
  // A WeakRef keeps its target until the current job ends.
  await new Promise((done) => setImmediate(done));
  gc();
  return refs.filter((r) => r.deref() !== undefined).length;
}

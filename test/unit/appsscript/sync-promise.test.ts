import { SyncPromise } from '../../../appsscript/src/sync-promise';
import { settle } from '../../../appsscript/src/settle';

/**
 * Inside Code.js, `Promise` is SyncPromise so that a command over synchronous services has
 * finished when its call returns (google.script.run needs the value, not a promise).
 */
describe('SyncPromise', () => {
  it('runs callbacks as soon as it settles, with no microtask in between', () => {
    const seen: string[] = [];
    SyncPromise.resolve(1)
      .then((v) => v + 1)
      .then((v) => seen.push(`got ${v}`));
    seen.push('after');
    expect(seen).toEqual(['got 2', 'after']);
  });

  it('follows returned promises and thenables to their value', () => {
    const chained = SyncPromise.resolve('a')
      .then((v) => SyncPromise.resolve(`${v}b`))
      // A foreign thenable (not a SyncPromise) is followed too.
      .then((v) => ({ then: (r: (x: string) => void) => r(`${v}c`) }) as unknown as PromiseLike<string>);
    expect(settle(chained)).toBe('abc');
  });

  it('passes a rejection down to the first handler, and recovers from it', () => {
    const calls: string[] = [];
    const p = SyncPromise.reject(new Error('quota'))
      .then(() => calls.push('skipped'))
      .finally(() => calls.push('finally'))
      .catch((e: unknown) => `recovered from ${(e as Error).message}`);
    expect(settle(p)).toBe('recovered from quota');
    expect(calls).toEqual(['finally']);
  });

  it('turns a throw in an executor or a handler into a rejection', () => {
    expect(() =>
      settle(
        new SyncPromise(() => {
          throw new Error('boom');
        }),
      ),
    ).toThrow('boom');
    expect(() =>
      settle(
        SyncPromise.resolve(1).then(() => {
          throw new Error('late');
        }),
      ),
    ).toThrow('late');
  });

  it('settles once: later resolve or reject calls are ignored', () => {
    let resolve!: (v: number) => void;
    let reject!: (e: unknown) => void;
    const p = new SyncPromise<number>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    resolve(1);
    resolve(2);
    reject(new Error('no'));
    expect(settle(p)).toBe(1);
  });

  it('runs callbacks registered before it settles, in order, when it does', () => {
    let resolve!: (v: string) => void;
    const p = new SyncPromise<string>((res) => (resolve = res));
    const seen: string[] = [];
    p.then((v) => seen.push(`1:${v}`));
    p.then((v) => seen.push(`2:${v}`));
    expect(seen).toEqual([]);
    resolve('x');
    expect(seen).toEqual(['1:x', '2:x']);
  });

  it('combines promises like Promise.all, allSettled and race', () => {
    expect(settle(SyncPromise.all([1, SyncPromise.resolve(2), 3]))).toEqual([1, 2, 3]);
    expect(settle(SyncPromise.all([]))).toEqual([]);
    expect(() => settle(SyncPromise.all([1, SyncPromise.reject(new Error('one failed'))]))).toThrow(
      'one failed',
    );
    expect(settle(SyncPromise.allSettled([1, SyncPromise.reject('x')]))).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: 'x' },
    ]);
    expect(settle(SyncPromise.race([SyncPromise.resolve('first'), 'second']))).toBe('first');
  });

  it('refuses to resolve to itself', () => {
    let resolve!: (v: unknown) => void;
    const p: SyncPromise<unknown> = new SyncPromise((res) => (resolve = res));
    resolve(p);
    expect(() => settle(p)).toThrow(TypeError);
  });
});

describe('settle', () => {
  it('says so instead of returning a promise that has not finished', async () => {
    expect(() => settle(new Promise(() => undefined))).toThrow('did not finish synchronously');
    // A native promise settles only after a microtask: outside Code.js settle cannot be used.
    expect(() => settle(Promise.resolve(1))).toThrow('did not finish synchronously');
  });
});

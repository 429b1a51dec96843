/**
 * A Promise whose callbacks run as soon as it settles, with no microtask in between.
 *
 * Why: google.script.run and menu handlers need a plain return value, but the core's commands
 * are async (the port is async for Excel). Apps Script's services are synchronous, so every
 * promise in a command settles immediately — only the microtask queue stands between the call
 * and its result, and a synchronous function cannot wait for it. The build compiles async
 * functions to generators and shadows `Promise` with this class inside the bundle, so a command
 * has finished when its call returns. Used only inside Code.js; nothing else depends on it.
 */
type Settled = 'pending' | 'fulfilled' | 'rejected';
type Resolve<T> = (value: T | PromiseLike<T>) => void;
type Reject = (reason?: unknown) => void;

export class SyncPromise<T> implements PromiseLike<T> {
  private state: Settled = 'pending';
  private value: unknown;
  private waiting: (() => void)[] = [];

  constructor(executor: (resolve: Resolve<T>, reject: Reject) => void) {
    let done = false;
    const resolve: Resolve<T> = (v) => {
      if (done) return;
      done = true;
      this.adopt(v);
    };
    const reject: Reject = (e) => {
      if (done) return;
      done = true;
      this.settle('rejected', e);
    };
    try {
      executor(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): SyncPromise<A | B> {
    return new SyncPromise<A | B>((resolve, reject) => {
      const run = () => {
        const handler = this.state === 'fulfilled' ? onFulfilled : onRejected;
        if (typeof handler !== 'function') {
          if (this.state === 'fulfilled') resolve(this.value as A);
          else reject(this.value);
          return;
        }
        try {
          resolve((handler as (v: unknown) => A | B)(this.value));
        } catch (e) {
          reject(e);
        }
      };
      if (this.state === 'pending') this.waiting.push(run);
      else run();
    });
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): SyncPromise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): SyncPromise<T> {
    return this.then(
      (v) => SyncPromise.resolve(onFinally?.()).then(() => v),
      (e) =>
        SyncPromise.resolve(onFinally?.()).then(() => {
          throw e;
        }),
    );
  }

  static resolve<V>(value: V | PromiseLike<V>): SyncPromise<V> {
    return value instanceof SyncPromise ? (value as SyncPromise<V>) : new SyncPromise<V>((r) => r(value));
  }

  static reject<V = never>(reason?: unknown): SyncPromise<V> {
    return new SyncPromise<V>((_, reject) => reject(reason));
  }

  static all<V>(items: Iterable<V | PromiseLike<V>>): SyncPromise<V[]> {
    return new SyncPromise<V[]>((resolve, reject) => {
      const list = [...items];
      const out = new Array<V>(list.length);
      let left = list.length;
      if (left === 0) resolve(out);
      list.forEach((item, i) =>
        SyncPromise.resolve(item).then((v) => {
          out[i] = v;
          if (--left === 0) resolve(out);
        }, reject),
      );
    });
  }

  static allSettled<V>(
    items: Iterable<V | PromiseLike<V>>,
  ): SyncPromise<({ status: 'fulfilled'; value: V } | { status: 'rejected'; reason: unknown })[]> {
    return SyncPromise.all(
      [...items].map((item) =>
        SyncPromise.resolve(item).then(
          (value) => ({ status: 'fulfilled' as const, value }),
          (reason: unknown) => ({ status: 'rejected' as const, reason }),
        ),
      ),
    );
  }

  static race<V>(items: Iterable<V | PromiseLike<V>>): SyncPromise<V> {
    return new SyncPromise<V>((resolve, reject) => {
      for (const item of items) SyncPromise.resolve(item).then(resolve, reject);
    });
  }

  /** Follows a thenable (another SyncPromise, usually) to its final state. */
  private adopt(value: unknown): void {
    if (value === this) return this.settle('rejected', new TypeError('A promise cannot resolve to itself'));
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
      let then: unknown;
      try {
        then = (value as { then?: unknown }).then;
      } catch (e) {
        return this.settle('rejected', e);
      }
      if (typeof then === 'function') {
        let done = false;
        try {
          then.call(
            value,
            (v: unknown) => {
              if (!done) {
                done = true;
                this.adopt(v);
              }
            },
            (e: unknown) => {
              if (!done) {
                done = true;
                this.settle('rejected', e);
              }
            },
          );
        } catch (e) {
          if (!done) {
            done = true;
            this.settle('rejected', e);
          }
        }
        return;
      }
    }
    this.settle('fulfilled', value);
  }

  private settle(state: 'fulfilled' | 'rejected', value: unknown): void {
    if (this.state !== 'pending') return;
    this.state = state;
    this.value = value;
    const waiting = this.waiting;
    this.waiting = [];
    for (const run of waiting) run();
  }
}

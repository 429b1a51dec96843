/**
 * The value of a promise that has already settled, synchronously. Inside Code.js every promise
 * is a SyncPromise over synchronous services, so a command's promise is settled when its call
 * returns; if one ever is not, this says so instead of handing Apps Script a pending promise.
 */
export function settle<T>(promise: PromiseLike<T>): T {
  let state = 'pending' as 'pending' | 'fulfilled' | 'rejected';
  let value: unknown;
  promise.then(
    (v) => {
      state = 'fulfilled';
      value = v;
    },
    (e: unknown) => {
      state = 'rejected';
      value = e;
    },
  );
  if (state === 'pending') throw new Error('kimeru: the command did not finish synchronously');
  if (state === 'rejected') throw value;
  return value as T;
}

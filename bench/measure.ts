/** Timing and memory helpers for the benchmark workers. */
import { Worker } from 'node:worker_threads';

/**
 * A full collection between runs, so one run's garbage is not billed to the next; then a wait
 * until the collector's helper threads are done with it.
 */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the worker with node --expose-gc');
  gc();
  gc();
  settle();
}

const SLICE_MS = 10;
const IDLE_CPU_MS = 1;
const SETTLE_LIMIT_MS = 2_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Sleeps in 10 ms slices until one passes in which the whole process used under 1 ms of CPU.
 * A forced gc leaves its sweeping to helper threads: a run timed at once shares the CPU with them.
 * On two cores that made a bare pass over 10,000 customers' inputs take 43 ms instead of 25
 * (its CPU time, all threads, 80 ms), while a long call hid most of it: the ratio looked half
 * what it was. Waiting 50 ms was enough there; this waits for what the machine shows.
 */
export function settle(): void {
  for (let waited = 0; waited < SETTLE_LIMIT_MS; waited += SLICE_MS) {
    const start = process.cpuUsage();
    Atomics.wait(sleeper, 0, 0, SLICE_MS);
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 < IDLE_CPU_MS) return;
  }
}

/** Milliseconds taken by `fn`, and what it returned. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export const MB = 1024 * 1024;

// Runs in its own thread, so it keeps sampling while the main thread is busy in a synchronous call.
// RSS is per process, so the thread sees the main thread's memory too.
const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let max = 0;
let timer = null;
const sample = () => { const r = process.memoryUsage.rss(); if (r > max) max = r; };
parentPort.on('message', (m) => {
  if (m === 'start') { max = 0; sample(); timer = setInterval(sample, 1); parentPort.postMessage('started'); }
  else if (m === 'stop') { clearInterval(timer); sample(); parentPort.postMessage(max); }
});
`;

/**
 * Peak resident memory while `fn` runs, sampled every millisecond from another thread.
 * `before` is the RSS right before the call (after a full gc); `peak` the highest RSS seen during
 * it. peak − before is how much more memory the process had to take from the OS for this call:
 * its working set (inputs it builds, the result, and garbage not yet collected), not counting the
 * input grids the host already holds.
 */
export async function peakMemory<T>(fn: () => T): Promise<{ before: number; peak: number; value: T }> {
  const worker = new Worker(SAMPLER, { eval: true });
  const reply = <R>(): Promise<R> => new Promise((resolve) => worker.once('message', resolve));
  try {
    collect();
    const before = process.memoryUsage.rss();
    const started = reply<string>();
    worker.postMessage('start');
    await started;
    const value = fn();
    const stopped = reply<number>();
    worker.postMessage('stop');
    const peak = Math.max(await stopped, before);
    return { before, peak, value };
  } finally {
    await worker.terminate();
  }
}

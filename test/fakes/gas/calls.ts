/** Reads of cell contents: what the batching rule counts as host reads. */
export const READ_CALLS = [
  'Range.getValues',
  'Range.getValue',
  'Range.getFormulas',
  'Range.getDisplayValues',
];

/** Writes of cell contents: what the batching rule counts as host writes. */
export const WRITE_CALLS = [
  'Range.setValues',
  'Range.setValue',
  'Range.setFormula',
  'Range.setFormulas',
  'Range.clearContent',
  'Sheet.clearContents',
  'Sheet.clear',
  'Sheet.appendRow',
];

/** Every call made on the fake services, counted by "Class.method", and their order. */
export class CallLog {
  readonly counts = new Map<string, number>();
  /** The calls in order (for checks such as "flush before releaseLock"). */
  readonly order: string[] = [];

  /**
   * A custom function's 30 seconds, as a budget: while set, every service call spends `msPerCall`
   * of it (the fake does not sleep, it counts), and the call that overspends throws Apps
   * Script's timeout.
   */
  budget: { limitMs: number; msPerCall: number; spentMs: number } | null = null;

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.order.push(name);
    if (this.budget !== null) {
      this.budget.spentMs += this.budget.msPerCall;
      if (this.budget.spentMs > this.budget.limitMs) throw new Error('Exceeded maximum execution time');
    }
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** All counts, as a plain object (for equality between two runs). */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  get reads(): number {
    return READ_CALLS.reduce((n, c) => n + this.count(c), 0);
  }

  get writes(): number {
    return WRITE_CALLS.reduce((n, c) => n + this.count(c), 0);
  }
}

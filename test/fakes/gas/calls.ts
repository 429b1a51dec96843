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

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.order.push(name);
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

/**
 * An idempotency key per form fill: the server writes one row per key, so a double click or a
 * retry after a lost response never duplicates an activity.
 */
export function newKey(): string {
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Older sandboxes: random bytes when there are any, else time plus Math.random.
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `k-${Date.now().toString(36)}-${hex}`;
}

/**
 * The key for each submit of the form. A submit whose outcome is unknown (the call failed: it
 * may or may not have landed) keeps its key for a retry of the SAME activity, so the retry is
 * written once. A different activity — the form changed since — gets a new key, so it is never
 * taken for the failed one and refused as a double submit. After a success, the next fill
 * always gets a new key.
 */
export class SubmitKeys {
  private pending: { fill: string; key: string } | null = null;

  constructor(private readonly make: () => string = newKey) {}

  /** `fill` is what the form holds, without the key (e.g. its fields as JSON). */
  keyFor(fill: string): string {
    if (this.pending !== null && this.pending.fill === fill) return this.pending.key;
    const key = this.make();
    this.pending = { fill, key };
    return key;
  }

  /** The submit landed: the next one is a new activity whatever it holds. */
  landed(): void {
    this.pending = null;
  }
}

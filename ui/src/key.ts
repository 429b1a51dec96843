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

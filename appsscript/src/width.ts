/** The widest row's length (at least 1), without spreading a long array into Math.max. */
export function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 1;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}

/** 0-based column index → the letter the user sees: 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index0: number): string {
  let n = Math.floor(index0) + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Column letter → 0-based index: 'A' → 0, 'AA' → 26; -1 when it is not a column letter. */
export function columnIndex(letter: string): number {
  const s = letter.trim().toUpperCase();
  if (!/^[A-Z]+$/.test(s)) return -1;
  let n = 0;
  for (const c of s) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

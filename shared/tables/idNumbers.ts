/**
 * Customer IDs of the shape most lists use — one prefix and a number ("C00123", "K-0042",
 * "1001") — found by their number in a small array rather than by their text in a map. A log
 * looks one up per row, each row another customer's: hashing a new string and probing a map of
 * 10,000 keys misses the processor's caches where an array of 10,000 numbers does not.
 *
 * Exact: a text has the shape when it is the prefix then digits written as the list writes them
 * (all of one width, or all without a leading zero), and then its number names exactly one text.
 * So for a text of the shape the array's answer is the map's; any other text is left to the map.
 */

/** What `placeOf` answers for a text not of the shape: look it up by text. */
export const NOT_NUMBERED = -2;

/** At most this many digits: every number then fits an int32. */
const MAX_DIGITS = 9;

/** The digits at the end of `id` (their count), 0 for none or more than MAX_DIGITS. */
function digitsAtEnd(id: string): number {
  let k = id.length;
  while (k > 0) {
    const c = id.charCodeAt(k - 1);
    if (c < 48 || c > 57) break;
    k--;
  }
  const count = id.length - k;
  return count > MAX_DIGITS ? 0 : count;
}

/** How many digits String(n) has, for an integer 0 ≤ n < 1e9 (counted: no rounding of a logarithm). */
function digitCount(n: number): number {
  let count = 1;
  for (let ten = 10; ten <= n; ten *= 10) count++;
  return count;
}

export class IdNumbers {
  private constructor(
    private readonly prefix: string,
    /** The digits' count of every ID of the shape; 0: any count, none with a leading zero. */
    private readonly width: number,
    private readonly first: number,
    /** Place in the list of the first ID numbered first + i, -1 for none. */
    private readonly places: Int32Array,
  ) {}

  /**
   * The numbering of `ids` (places 0…n-1), or null when too few of them have one shape (their
   * number range, `spread` times their count at most, keeps the array small).
   */
  static of(ids: readonly string[], spread = 4): IdNumbers | null {
    // The shape is taken from the first ID, else the middle or last one: a list may start with
    // a row of another kind (a test customer, a name typed as its ID).
    const last = ids.length - 1;
    if (last < 0) return null;
    for (const at of new Set([0, last >> 1, last])) {
      const numbers = IdNumbers.shapedLike(ids, ids[at] as string, spread);
      if (numbers !== null) return numbers;
    }
    return null;
  }

  /** The numbering of the IDs of `sample`'s shape (see `of`), or null. */
  private static shapedLike(ids: readonly string[], sample: string, spread: number): IdNumbers | null {
    const digits = digitsAtEnd(sample);
    if (digits === 0) return null;
    const prefix = sample.slice(0, sample.length - digits);
    // One width when every ID with this prefix has it, else numbers without leading zeros.
    let oneWidth = true;
    let noLeadingZero = true;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const d = digitsAtEnd(id);
      if (d === 0 || id.length - d !== prefix.length || !id.startsWith(prefix)) continue;
      if (d !== digits) oneWidth = false;
      if (d > 1 && id.charCodeAt(prefix.length) === 48) noLeadingZero = false;
    }
    if (!oneWidth && !noLeadingZero) return null;
    const width = oneWidth ? digits : 0;
    const numbers = new Int32Array(ids.length);
    let min = Infinity;
    let max = -Infinity;
    let count = 0;
    const probe = new IdNumbers(prefix, width, 0, new Int32Array(0));
    for (let i = 0; i < ids.length; i++) {
      const n = probe.numberOf(ids[i] as string);
      numbers[i] = n;
      if (n < 0) continue;
      count++;
      if (n < min) min = n;
      if (n > max) max = n;
    }
    // Worth it only when it answers for most IDs, and as an array no larger than `spread` × theirs.
    if (count * 2 < ids.length || max - min + 1 > spread * count + 64) return null;
    const places = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < ids.length; i++) {
      const n = numbers[i] as number;
      if (n >= 0 && places[n - min] === -1) places[n - min] = i;
    }
    return new IdNumbers(prefix, width, min, places);
  }

  /** The number of a text of the shape, else -1. */
  numberOf(id: string): number {
    const prefix = this.prefix;
    const from = prefix.length;
    const digits = id.length - from;
    if (digits <= 0 || digits > MAX_DIGITS) return -1;
    const width = this.width;
    if (width === 0 ? digits > 1 && id.charCodeAt(from) === 48 : digits !== width) return -1;
    for (let k = 0; k < from; k++) if (id.charCodeAt(k) !== prefix.charCodeAt(k)) return -1;
    let n = 0;
    for (let k = from; k < id.length; k++) {
      const c = id.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return -1;
      n = n * 10 + c;
    }
    return n;
  }

  /** The place of the first ID equal to `id`, -1 for none, NOT_NUMBERED when `id` is not of the shape. */
  placeOf(id: string): number {
    const n = this.numberOf(id);
    return n < 0 ? NOT_NUMBERED : this.placeOfNumber(n);
  }

  /**
   * placeOf(String(cell)) for a number cell (a sheet's IDs typed as numbers: 1001), without
   * making the text: NOT_NUMBERED when that text would not be of the shape.
   */
  placeOfCell(cell: number): number {
    if (this.prefix !== '' || !Number.isInteger(cell) || cell < 0 || cell >= 1e9) return NOT_NUMBERED;
    // String(cell) has no leading zero: of the shape when the width is free or its own.
    if (this.width !== 0 && this.width !== digitCount(cell)) return NOT_NUMBERED;
    return this.placeOfNumber(cell);
  }

  private placeOfNumber(n: number): number {
    const i = n - this.first;
    return i >= 0 && i < this.places.length ? (this.places[i] as number) : -1;
  }
}

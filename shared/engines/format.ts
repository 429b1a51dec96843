/** Small display helpers shared by the engines (no Intl: hosts differ in what they ship). */

/** 1234567 → "1,234,567"; keeps decimals as written. */
export function formatNumber(n: number): string {
  const [int = '', frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** A share in [0, 1] as a whole percent, rounded down so "70%" never shows for 69.9%. */
export function formatPercent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

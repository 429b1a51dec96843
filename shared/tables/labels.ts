import type { Lang } from '../i18n';
import type { ColumnSpec, TableSpec } from './spec';

const ASCII = /^[\x20-\x7e]+$/;

/** The header kimeru writes for a column: its label, else the first (ja) / first ASCII (en) alias. */
export function columnLabel(column: ColumnSpec, lang: Lang): string {
  if (column.labels) return column.labels[lang];
  const first = column.aliases[0] ?? column.key;
  if (lang === 'ja') return first;
  return column.aliases.find((a) => ASCII.test(a)) ?? first;
}

/** The canonical header of every column of a table, in order, for writing our own sheets. */
export function headerLabels(spec: TableSpec, lang: Lang): string[] {
  return spec.columns.map((c) => columnLabel(c, lang));
}

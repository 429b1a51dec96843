import type { CellValue } from '../../../shared/values';

/**
 * Reading ACTIONS and COVERAGE tables back into the compact lines of expected-actions.ts, so the
 * core, the Apps Script bundle, the Excel functions and the CLI are held to the same lines.
 */

const KIND: Record<string, string> = {
  次回アクション: 'nextAction',
  'Next action': 'nextAction',
  キーマンに会う: 'keyPerson',
  'Meet a key person': 'keyPerson',
  連絡する: 'contact',
  'Get in touch': 'contact',
};

const cell = (v: CellValue): string => (v === '' || v === null || v === undefined ? '-' : String(v));

/** ACTIONS (header first, maybe a ⚠ line last) → `customer kind actBy daysOverdue`. */
export function actionLines(table: readonly (readonly CellValue[])[]): string[] {
  return table
    .slice(1)
    .filter((r) => KIND[String(r[4])] !== undefined)
    .map((r) => `${String(r[0])} ${KIND[String(r[4])]} ${cell(r[9])} ${cell(r[10])}`);
}

/** COVERAGE → `customer name role lastMet metBy meetings note`. */
export function coverageLines(table: readonly (readonly CellValue[])[]): string[] {
  return table
    .slice(1)
    .filter((r) => !String(r[0]).startsWith('⚠'))
    .map((r) => [r[0], r[3], r[5], r[6], r[7], r[9], r[10]].map(cell).join(' '));
}

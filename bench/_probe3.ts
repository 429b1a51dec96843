import { HyperFormula } from 'hyperformula';
import { generate } from './generate';
import { formulaWorkbook, SHEET } from './formulas';
import { callFunction, findFunction } from '../shared/functions';
import { starterDefinition, writeDefinition } from '../shared/definition';
const asOfDay = 20786, asOfSerial = asOfDay + 25569;
const n = Number(process.argv[2]);
const g = generate(n, asOfDay);
const def = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 });
const rk = callFunction(findFunction('RANK')!, [g.customers, def]);
if (!rk.ok) throw new Error(rk.message);
const ranks = rk.value.slice(1).map((r) => r[0] ?? '');
const wb = formulaWorkbook(g, ranks, asOfSerial);
let t = performance.now();
const hf = HyperFormula.buildFromSheets(wb.sheets, { licenseKey: 'gpl-v3' });
console.log('build', performance.now() - t);
const cs = hf.getSheetId(SHEET.customers)!;
const vals = hf.getSheetValues(cs);
console.log(vals.slice(0, 3));
const count = (c: number) => { const m: Record<string, number> = {}; for (const r of vals.slice(1)) { const v = JSON.stringify(r[c]); m[v] = (m[v] ?? 0) + 1; } return m; };
console.log(count(wb.keyPersonStatusColumn), count(wb.contactStatusColumn));
const it = callFunction(findFunction('GAPCHECK')!, [g.customers, g.contacts, g.activities, def, asOfSerial, 'items']);
console.log(it.ok && it.value);
const as = hf.getSheetId(SHEET.activities)!;
for (let k = 0; k < Number(process.env.R ?? 3); k++) {
  t = performance.now();
  hf.setCellContents({ sheet: as, row: 1 + k * 7, col: 0 }, [[asOfSerial - k]]);
  console.log('recalc', performance.now() - t);
}

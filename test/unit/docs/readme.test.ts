import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  applyBlocks,
  BLOCKS,
  endMarker,
  renderBlocks,
  staleBlocks,
  startMarker,
} from '../../../scripts/docs-render';
import { excelName, FUNCTIONS, sheetsName } from '../../../shared/functions';
import { JSON_CELL_LIMIT, METRICS, starterDefinition } from '../../../shared/definition';
import { METRIC_LABELS } from '../../../shared/i18n/vocabulary';
import { DEFAULT_DONE_BAR } from '../../../shared/engines';
import { HEADER_SEARCH_ROWS } from '../../../shared/tables';

const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
const blocks = renderBlocks();

/** The README text between a block's markers. */
function section(name: (typeof BLOCKS)[number]): string {
  return readme.slice(readme.indexOf(startMarker(name)), readme.indexOf(endMarker(name)));
}

describe('README.md reference', () => {
  it('is up to date with the code', () => {
    const stale = staleBlocks(readme, blocks);
    if (stale.length > 0)
      throw new Error(
        `README.md is out of date (${stale.join(', ')}): run \`npm run docs\` and commit README.md.`,
      );
  });

  it('documents every function under its Excel and Sheets names, with an example for each host', () => {
    const text = section('functions');
    for (const f of FUNCTIONS) {
      expect(text).toContain(`### \`${excelName(f)}\` · \`${sheetsName(f)}\``);
      expect(text).toContain(`Excel:  ${f.example}`);
      expect(text).toContain(`Sheets: ${f.example.split('KIMERU.').join('KIMERU_')}`);
      for (const p of f.params) expect(text).toContain(p.help.ja);
    }
  });

  it('says which results line up with the customer rows and which are tables', () => {
    const text = section('functions');
    const about = (name: string): string => {
      const from = text.indexOf(`### \`KIMERU.${name}\``);
      return text.slice(from, text.indexOf('###', from + 3));
    };
    expect(about('RANK')).toContain('顧客表と同じ行数');
    expect(about('KEYPERSON')).toContain('顧客表と同じ行数');
    expect(about('GAPCHECK')).toContain('見出し行のあとに結果の行が続く表');
    // GAPCHECK's four modes give their own columns.
    expect(about('GAPCHECK')).toContain('項目ID · 項目 · 対象社数 · ギャップ社数 · データなし社数 · 版');
    expect(about('LASTCONTACT')).toContain('最終キーマン接触日 · 経過日数');
  });

  it('shows error messages that name the argument, row and column, and a row left out as the list shows it', () => {
    const text = section('functions');
    expect(text).toContain('⚠ 読めなかった行 1件。一覧は mode "issues" で表示できます。');
    expect(text).toMatch(/⚠ 1 row left out(, \d+ warnings?)?\. Mode "issues" lists them\./);
    expect(text).toContain('| activities | 2 | A | 日付 | 2026/13/45 |');
    expect(text).toMatch(/引数 definition の \d+行目 [A-Z]+列「A」/);
  });

  it('shows the starter definition as the writer lays it out, in both languages', () => {
    const text = section('starter');
    for (const lang of ['ja', 'en'] as const)
      for (const item of starterDefinition(lang).items) {
        expect(text).toContain(`| ${item.id} | ${item.name} | ${item.standard} |`);
      }
    expect(text).toContain('| 2 | 版 | 1 |');
    expect(text).toContain('| 9 | A | 70% |');
  });

  it('lists every metric with its code and both labels', () => {
    const text = section('metrics');
    for (const m of METRICS) {
      expect(text).toContain(`\`${m}\` | ${METRIC_LABELS[m].ja} | ${METRIC_LABELS[m].en} |`);
    }
    expect(text).toContain('担当者のみ接触 (キーマン接触なし)');
  });

  it('states the numbers of the hand-written sections as the code has them', () => {
    expect(readme).toContain(`先頭${HEADER_SEARCH_ROWS}行`);
    expect(readme).toContain(`first ${HEADER_SEARCH_ROWS} rows`);
    const limit = String(JSON_CELL_LIMIT).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(readme).toContain(`${limit}文字`);
    expect(readme).toContain(`${limit} characters`);
    expect(readme).toContain(`**${DEFAULT_DONE_BAR * 100}% 以上なら「出来ている」**`);
    expect(readme).toContain(`**Done when the share is ${DEFAULT_DONE_BAR * 100}% or more.**`);
  });
});

describe('the README block rewriter', () => {
  const skeleton = (inner: (name: string) => string): string =>
    [
      '# title\n\nhand-written text stays.\n',
      ...BLOCKS.map((b) => `## ${b}\nbefore ${b}\n${startMarker(b)}${inner(b)}${endMarker(b)}\nafter ${b}\n`),
      'the end\n',
    ].join('\n');

  it('rewrites only the text between the markers', () => {
    const old = skeleton((b) => `\nold ${b} text\n`);
    expect(staleBlocks(old, blocks)).toEqual([...BLOCKS]);
    const fresh = applyBlocks(old, blocks);
    expect(staleBlocks(fresh, blocks)).toEqual([]);
    expect(fresh).not.toContain('old tables text');
    for (const b of BLOCKS) {
      expect(fresh).toContain(`before ${b}\n${startMarker(b)}\n`);
      expect(fresh).toContain(`\n${endMarker(b)}\nafter ${b}\n`);
    }
    expect(fresh.startsWith('# title\n\nhand-written text stays.\n')).toBe(true);
    expect(fresh.endsWith('the end\n')).toBe(true);
    expect(applyBlocks(fresh, blocks)).toBe(fresh);
  });

  it('refuses a README whose markers are missing or repeated, instead of guessing where to write', () => {
    expect(() => applyBlocks('# no markers\n', blocks)).toThrow(startMarker('tables'));
    const twice = skeleton(() => '') + `${startMarker('values')}\n`;
    expect(() => applyBlocks(twice, blocks)).toThrow('twice');
  });
});

import { LOCK_WAIT_MS, SheetsWorkbook } from '../../../appsscript/src/port';
import { createGas, CUSTOM_FUNCTION_LIMIT_MS } from '../../fakes/gas';

/**
 * The Apps Script stand-in as strict as Apps Script where kimeru could trip: each rule here
 * fails if the fake is made kinder.
 */
const make = () => createGas({ sheets: { 行動: [['日付', '内容']] } });

describe('LockService: one holder at a time', () => {
  it('refuses a second holder (tryLock false, waitLock throws) until the first releases', () => {
    const gas = make();
    const first = gas.globals.LockService.getDocumentLock();
    const second = gas.globals.LockService.getDocumentLock();
    expect(first.tryLock(LOCK_WAIT_MS)).toBe(true);
    expect(second.tryLock(LOCK_WAIT_MS)).toBe(false);
    expect(() => second.waitLock(LOCK_WAIT_MS)).toThrow('Lock timeout');
    expect(second.hasLock()).toBe(false);
    second.releaseLock(); // not its lock: no effect
    expect(first.hasLock()).toBe(true);
    first.releaseLock();
    expect(second.tryLock(LOCK_WAIT_MS)).toBe(true);
    expect(gas.lock.waitedMs).toBe(2 * LOCK_WAIT_MS); // the timeouts passed, counted not slept
  });

  it('makes an append wait for another execution’s lock and refuse when it is not let go', async () => {
    const gas = make();
    const port = new SheetsWorkbook(gas.book, gas.services);
    const other = gas.globals.LockService.getDocumentLock();
    other.tryLock(1000);
    await expect(port.append({ sheet: '行動', rows: [['2026/11/29', '訪問']] })).rejects.toMatchObject({
      issues: [{ key: 'error.busy' }],
    });
    expect(gas.book.sheet('行動').getLastRow()).toBe(1); // nothing written
    other.releaseLock();
    await expect(port.append({ sheet: '行動', rows: [['x', '訪問']] })).resolves.toEqual({
      rows: [2],
      duplicates: 0,
    });
  });
});

describe('setValues reads text as typed input', () => {
  it('takes "=", "+", "-" and "@" as formula starts unless the text is a number', () => {
    const gas = make();
    const range = gas.book.sheet('行動').getRange(2, 1, 1, 6);
    range.setValues([['-5個', '@田中', '+81 3-1234-5678', '=1+1', '-5', '+5']]);
    const row = gas.book.sheet('行動').getRange(2, 1, 1, 6);
    expect(row.getFormulas()[0]).toEqual(['=-5個', '=@田中', '=+81 3-1234-5678', '=1+1', '', '']);
    expect(row.getValues()[0]!.slice(4)).toEqual([-5, 5]);
  });

  it('stores such text as the rep typed it when the adapter writes it', async () => {
    const gas = make();
    const port = new SheetsWorkbook(gas.book, gas.services);
    const typed = ['-5個', '@田中', '+81 3-1234-5678', '=SUM(A1)', '-'];
    await port.append({ sheet: '行動', rows: [typed] });
    const row = gas.book.sheet('行動').getRange(2, 1, 1, typed.length);
    expect(row.getValues()[0]).toEqual(typed);
    expect(row.getFormulas()[0]).toEqual(typed.map(() => ''));
  });

  it('refuses a cell over 50,000 characters, writing nothing', () => {
    const gas = make();
    const range = gas.book.sheet('行動').getRange(2, 1, 1, 2);
    expect(() => range.setValues([['ok', 'あ'.repeat(50_001)]])).toThrow('maximum of 50000 characters');
    expect(gas.book.sheet('行動').getLastRow()).toBe(1);
    range.setValues([['ok', 'あ'.repeat(50_000)]]);
    expect(gas.book.sheet('行動').getLastRow()).toBe(2);
  });
});

describe('limits', () => {
  it('refuses to grow the spreadsheet past 10 million cells', () => {
    const gas = make();
    const sheet = gas.book.sheet('行動');
    const columns = sheet.getMaxColumns();
    const room = Math.floor((10_000_000 - sheet.getMaxRows() * columns) / columns);
    expect(() => sheet.insertRowsAfter(sheet.getMaxRows(), room + 1)).toThrow(
      'above the limit of 10000000 cells',
    );
    sheet.insertRowsAfter(sheet.getMaxRows(), room);
    expect(() => gas.book.insertSheet('もう一枚', 1)).toThrow('above the limit of 10000000 cells');
  });

  it('stops a custom function that spends its 30 s on service calls', () => {
    const gas = createGas({ serviceCallMs: 100 });
    gas.setAuthMode('CUSTOM_FUNCTION');
    const calls = CUSTOM_FUNCTION_LIMIT_MS / 100;
    for (let i = 0; i < calls; i++) gas.globals.Utilities.formatDate(new Date(0), 'Asia/Tokyo', 'yyyy');
    expect(() => gas.globals.Utilities.formatDate(new Date(0), 'Asia/Tokyo', 'yyyy')).toThrow(
      'Exceeded maximum execution time',
    );
    gas.setAuthMode('CUSTOM_FUNCTION'); // the next call is an execution of its own
    expect(() => gas.globals.Utilities.formatDate(new Date(0), 'Asia/Tokyo', 'yyyy')).not.toThrow();
  });
});

describe('HtmlService', () => {
  it('drops <meta> tags written in the HTML and takes only the allowed ones through addMetaTag', () => {
    const gas = make();
    const out = gas.globals.HtmlService.createHtmlOutput(
      '<head><meta name="kimeru-tab" content="log"><meta name="viewport" content="x"></head><div id="kimeru" data-tab="log"></div>',
    );
    out.addMetaTag('viewport', 'width=device-width, initial-scale=1');
    expect(() => out.addMetaTag('kimeru-tab', 'log')).toThrow('not allowed');
    gas.globals.SpreadsheetApp.getUi().showSidebar(out);
    const shown = gas.ui.sidebars[0]!;
    expect(shown.content).not.toContain('<meta');
    expect(shown.content).toContain('data-tab="log"');
    expect(shown.metaTags).toEqual([{ name: 'viewport', content: 'width=device-width, initial-scale=1' }]);
  });
});

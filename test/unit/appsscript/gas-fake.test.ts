import { createGas } from '../../fakes/gas';

/** The fake must behave like Google's services where kimeru depends on it, or tests mean nothing. */
describe('the Google services fake', () => {
  const make = () =>
    createGas({
      timeZone: 'Asia/Tokyo',
      sheets: {
        顧客: [
          ['顧客ID', '会社名', '登録日'],
          ['C001', '山田製作所', new Date(2026, 0, 5)],
          ['C002', '', ''],
        ],
      },
    });

  it('refuses a setValues whose array is not the size of the range, with Apps Script’s message, writing nothing', () => {
    const gas = make();
    const sheet = gas.book.sheet('顧客');
    const before = sheet.snapshot();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.snapshot()).toEqual(before);
  });

  it('reads the data range from A1 with dates as Date objects and blanks as empty strings', () => {
    const values = make().book.sheet('顧客').getDataRange().getValues();
    expect(values).toHaveLength(3);
    expect(values[1]![2]).toBeInstanceOf(Date);
    expect(values[2]).toEqual(['C002', '', '']);
  });

  it('gives an empty sheet’s data range as A1 alone', () => {
    const gas = make();
    expect(gas.book.insertSheet('空', 1).getDataRange().getValues()).toEqual([['']]);
  });

  it('parses strings as typed input unless they start with an apostrophe', () => {
    const gas = make();
    const sheet = gas.book.insertSheet('入力', 1);
    sheet
      .getRange(1, 1, 1, 8)
      .setValues([['0120', '1,200', '50%', 'TRUE', '2026/11/29', "'0120", "'=1+1", '=1+1']]);
    const [row] = sheet.getRange(1, 1, 1, 8).getValues();
    expect(row!.slice(0, 4)).toEqual([120, 1200, 0.5, true]);
    expect(row![4]).toBeInstanceOf(Date);
    expect(row!.slice(5)).toEqual(['0120', '=1+1', '']); // a formula's value is not computed
    expect(sheet.getRange(1, 8, 1, 1).getFormulas()).toEqual([['=1+1']]);
  });

  it('keeps every cell a write does not cover, and refuses ranges outside the grid', () => {
    const gas = make();
    const sheet = gas.book.sheet('顧客');
    sheet.getRange('B3').setValues([['鈴木商事']]);
    expect(sheet.snapshot()[1]).toEqual(['C001', '山田製作所', { date: '2026-01-05 00:00:00' }]);
    expect(sheet.snapshot()[2]).toEqual(['C002', '鈴木商事', '']);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('outside the dimensions of the sheet');
    sheet.insertRowsAfter(1000, 5);
    expect(() => sheet.getRange(1000, 1, 2, 1)).not.toThrow();
  });

  it('stores dates as the wall-clock time of the spreadsheet’s zone', () => {
    const gas = make();
    const sheet = gas.book.insertSheet('日付', 1);
    sheet.getRange('A1').setValues([[new Date(Date.UTC(2026, 10, 28, 15, 0))]]); // 00:00 in Tokyo
    expect(sheet.snapshot()).toEqual([[{ date: '2026-11-29 00:00:00' }]]);
    const read = sheet.getRange('A1').getValues()[0]![0] as Date;
    expect(read.toISOString()).toBe('2026-11-28T15:00:00.000Z');
  });

  it('refuses a second sheet of the same name and a named range that exists', () => {
    const gas = make();
    expect(() => gas.book.insertSheet('顧客', 0)).toThrow('A sheet with the name "顧客" already exists');
    const range = gas.book.sheet('顧客').getRange('A:C');
    gas.book.setNamedRange('KIMERU_CUSTOMERS', range);
    expect(gas.book.namedRanges.get('KIMERU_CUSTOMERS')?.reference).toBe('顧客!A:C');
    expect(() => gas.book.setNamedRange('KIMERU_CUSTOMERS', range)).toThrow('already exists');
    expect(() => gas.book.setNamedRange('A1', range)).toThrow('Invalid named range name');
  });

  it('fails tryLock while another rep holds the document lock', () => {
    const gas = make();
    gas.lock.busy = true;
    expect(gas.globals.LockService.getDocumentLock().tryLock(10_000)).toBe(false);
    gas.lock.busy = false;
    expect(gas.globals.LockService.getDocumentLock().tryLock(10_000)).toBe(true);
  });

  it('lets a custom function read but not write', () => {
    const gas = make();
    gas.setAuthMode('CUSTOM_FUNCTION');
    const sheet = gas.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('顧客')!;
    expect(sheet.getDataRange().getValues()).toHaveLength(3);
    expect(() => sheet.getRange('A1').setValues([['x']])).toThrow(
      'You do not have permission to call setValues',
    );
    expect(sheet.snapshot()[0]![0]).toBe('顧客ID');
  });

  it('refuses the spreadsheet in AuthMode.NONE, and the user’s identity always', () => {
    const gas = make();
    gas.setAuthMode('NONE');
    expect(() => gas.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow('You do not have permission');
    expect(() => gas.globals.Session.getActiveUser()).toThrow('userinfo.email');
  });

  it('counts reads and writes', () => {
    const gas = make();
    const sheet = gas.book.sheet('顧客');
    sheet.getDataRange().getValues();
    sheet.getRange('A1').setValues([['ID']]);
    sheet.getRange('A1').getValues();
    expect([gas.calls.reads, gas.calls.writes]).toEqual([2, 1]);
    expect(gas.calls.count('Sheet.getDataRange')).toBe(1);
  });
});

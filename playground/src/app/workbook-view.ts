import { DetailedCellError } from 'hyperformula';
import type { Lang } from '../../../shared/i18n';
import { a1, columnLetters } from '../cell-text';
import type { CellFormat, HyperFormulaWorkbook } from '../hf-workbook';
import { say } from '../messages';
import { TRAFFIC_COLOURS } from '../../../shared/port';
import { chartSvg } from './chart-svg';

/**
 * The workbook view: sheet tabs, a grid of computed values (only the rows in view are in the
 * DOM, so a 300,000-row log scrolls as well as the sample) and a formula bar that shows the
 * selected cell's content and writes what the user types back through HyperFormula.
 */

const ROW_HEIGHT = 24;
const BUFFER_ROWS = 20;
const MIN_COLUMNS = 12;
const MIN_ROWS = 40;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A serial number as the date (and time) a spreadsheet shows. */
export function serialText(serial: number, format: CellFormat): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}`;
  return format === 'datetime' ? `${date} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : date;
}

/** What a cell shows for its computed value. */
export function displayText(value: unknown, format: CellFormat | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === 'number') {
    if (format) return serialText(value, format);
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e10) / 1e10);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export class WorkbookView {
  private workbook: HyperFormulaWorkbook | null = null;
  private sheet = '';
  private values: unknown[][] = [];
  private widths: number[] = [];
  private selected = { row: 0, col: 0 };
  /** What the formula bar showed for the selection, to tell an edit from a mere blur. */
  private shown = '';
  private unsubscribe: (() => void) | null = null;
  private readonly tabs = el('nav', { class: 'tabs', 'data-testid': 'sheet-tabs' });
  private readonly scroller = el('div', { class: 'grid-scroll', 'data-testid': 'grid' });
  private readonly table = el('table', { class: 'grid' });
  private readonly ref = el('span', { class: 'cell-ref', 'data-testid': 'cell-ref' });
  private readonly input = el('input', {
    type: 'text',
    class: 'formula-input',
    'data-testid': 'formula-bar',
    spellcheck: 'false',
  });
  private readonly note = el('div', { class: 'sheet-note', 'data-testid': 'sheet-note' });
  /** The sheet's charts, drawn over the grid at their anchor cells. */
  private readonly charts = el('div', { class: 'charts', 'data-testid': 'charts' });

  constructor(
    root: HTMLElement,
    private readonly lang: Lang,
  ) {
    const bar = el('div', { class: 'formula-bar' });
    bar.append(this.ref, el('span', { class: 'fx' }, 'fx'), this.input);
    this.scroller.append(this.table, this.charts);
    this.scroller.style.position = 'relative';
    root.append(bar, this.note, this.scroller, this.tabs);
    this.scroller.addEventListener('scroll', () => this.renderRows());
    this.table.addEventListener('click', (e) => {
      const td = (e.target as HTMLElement).closest('td[data-row]');
      if (td) this.select(Number(td.getAttribute('data-row')), Number(td.getAttribute('data-col')));
    });
    this.table.addEventListener('dblclick', () => this.input.focus());
    this.input.addEventListener('keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return; // the IME is still composing
      if (e.key === 'Enter') {
        e.preventDefault();
        this.commit();
      } else if (e.key === 'Escape') this.showSelection();
    });
    this.input.addEventListener('change', () => this.commit());
  }

  /** Shows a workbook, opening `sheet`. */
  show(workbook: HyperFormulaWorkbook, sheet: string): void {
    this.unsubscribe?.();
    this.workbook = workbook;
    this.unsubscribe = workbook.onChange(() => this.refresh());
    this.openSheet(workbook.hf.doesSheetExist(sheet) ? sheet : (workbook.hf.getSheetNames()[0] ?? ''));
  }

  /** Opens a sheet by name. */
  openSheet(sheet: string): void {
    this.sheet = sheet;
    this.selected = { row: 0, col: 0 };
    this.scroller.scrollTop = 0;
    this.scroller.scrollLeft = 0;
    this.refresh(true);
  }

  /** Re-reads the shown sheet's values (after any change) and redraws. */
  refresh(measure = false): void {
    const wb = this.workbook;
    if (!wb) return;
    if (!wb.hf.doesSheetExist(this.sheet)) this.sheet = wb.hf.getSheetNames()[0] ?? '';
    this.values = this.sheet ? wb.values(this.sheet) : [];
    if (measure || this.widths.length < this.columnCount()) this.measure();
    this.renderTabs();
    this.note.textContent =
      wb.info(this.sheet).kind === 'chartsheet' ? say(this.lang, 'page.chartSheet') : '';
    this.renderRows(true);
    this.renderCharts();
    this.showSelection();
  }

  /** Each chart of the sheet as SVG, placed where its anchor cell is in the grid. */
  private renderCharts(): void {
    const specs = this.workbook?.info(this.sheet).charts ?? [];
    this.charts.replaceChildren(
      ...specs.map((spec) => {
        let left = 44;
        for (let c = 0; c < spec.anchor.column - 1; c++) left += this.widths[c] ?? 64;
        const box = el('div', {
          class: 'chart',
          style: `position:absolute;left:${left}px;top:${ROW_HEIGHT * spec.anchor.row}px;width:${spec.anchor.width}px;height:${spec.anchor.height}px`,
        });
        box.innerHTML = chartSvg(spec, this.values);
        return box;
      }),
    );
  }

  /** The traffic-light colour of a cell with a standard to meet, if any. */
  private lightAt(row: number, col: number, v: unknown): string | undefined {
    if (typeof v !== 'number') return undefined;
    const light = this.workbook
      ?.info(this.sheet)
      .lights?.find((l) => l.column === col + 1 && row + 1 >= l.firstRow && row + 1 <= l.lastRow);
    if (!light) return undefined;
    return v >= light.green
      ? TRAFFIC_COLOURS.green
      : v >= light.amber
        ? TRAFFIC_COLOURS.amber
        : TRAFFIC_COLOURS.red;
  }

  private columnCount(): number {
    let columns = MIN_COLUMNS;
    const rows = Math.min(2000, this.values.length);
    for (let r = 0; r < rows; r++) columns = Math.max(columns, this.values[r]!.length + 1);
    return columns;
  }

  private rowCount(): number {
    return Math.max(MIN_ROWS, this.values.length + 5);
  }

  /** Column widths from the first rows' contents (wide characters count double). */
  private measure(): void {
    const widths: number[] = [];
    const cols = this.columnCount();
    for (let c = 0; c < cols; c++) widths[c] = 64;
    this.values.slice(0, 200).forEach((row, r) =>
      row.forEach((v, c) => {
        // Text with an empty cell to its right flows over it, as in a spreadsheet: not measured.
        if (typeof v === 'string' && isEmpty(row[c + 1])) return;
        const text = displayText(v, this.formatAt(r, c));
        let w = 0;
        for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 14 : 7.5;
        widths[c] = Math.min(280, Math.max(widths[c] ?? 64, Math.ceil(w) + 14));
      }),
    );
    this.widths = widths;
  }

  private formatAt(row: number, col: number): CellFormat | undefined {
    const v = this.values[row]?.[col];
    return typeof v === 'number' && this.workbook ? this.workbook.formatAt(this.sheet, row, col) : undefined;
  }

  private renderTabs(): void {
    const wb = this.workbook;
    if (!wb) return;
    this.tabs.replaceChildren(
      ...wb.hf.getSheetNames().map((name) => {
        const b = el(
          'button',
          {
            type: 'button',
            // A sheet kimeru keeps hidden stays reachable here, greyed as a host's hidden list.
            class: `${name === this.sheet ? 'tab active' : 'tab'}${wb.info(name).hidden ? ' hidden-sheet' : ''}`,
            'data-testid': 'sheet-tab',
            'data-sheet': name,
          },
          name,
        );
        b.addEventListener('click', () => this.openSheet(name));
        return b;
      }),
    );
  }

  /** Draws the header and the rows in view, with spacers standing for the others. */
  private renderRows(force = false): void {
    const cols = this.columnCount();
    const rows = this.rowCount();
    const top = this.scroller.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - BUFFER_ROWS);
    const visible = Math.ceil((this.scroller.clientHeight || 800) / ROW_HEIGHT) + 2 * BUFFER_ROWS;
    const last = Math.min(rows, first + visible);
    const key = `${first}:${last}`;
    if (!force && this.table.dataset['window'] === key) return;
    this.table.dataset['window'] = key;

    // A fixed layout needs the table's width: the columns then keep their measured widths.
    let total = 44;
    for (let c = 0; c < cols; c++) total += this.widths[c] ?? 64;
    this.table.style.width = `${total}px`;
    const head = el('thead');
    const hr = el('tr');
    hr.append(el('th', { class: 'corner' }));
    for (let c = 0; c < cols; c++) {
      const th = el(
        'th',
        { style: `width:${this.widths[c] ?? 64}px;min-width:${this.widths[c] ?? 64}px` },
        columnLetters(c),
      );
      hr.append(th);
    }
    head.append(hr);
    const body = el('tbody');
    if (first > 0) body.append(spacer(first * ROW_HEIGHT, cols));
    for (let r = first; r < last; r++) {
      const tr = el('tr');
      tr.append(el('th', { class: 'row-head' }, String(r + 1)));
      const row = this.values[r] ?? [];
      for (let c = 0; c < cols; c++) {
        const v = row[c];
        const td = el('td', { 'data-row': String(r), 'data-col': String(c), 'data-ref': a1(r, c) });
        td.textContent = displayText(v, this.formatAt(r, c));
        if (typeof v === 'number') td.className = 'num';
        else if (typeof v === 'string' && v !== '' && isEmpty(row[c + 1])) td.className = 'flow';
        if (v instanceof DetailedCellError) {
          td.className = 'error';
          if (v.message) td.title = v.message;
        }
        const light = this.lightAt(r, c, v);
        if (light) {
          td.style.background = light;
          td.dataset['light'] = light;
        }
        if (r === this.selected.row && c === this.selected.col) td.classList.add('selected');
        tr.append(td);
      }
      body.append(tr);
    }
    if (last < rows) body.append(spacer((rows - last) * ROW_HEIGHT, cols));
    this.table.replaceChildren(head, body);
  }

  private select(row: number, col: number): void {
    this.selected = { row, col };
    for (const td of this.table.querySelectorAll('td.selected')) td.classList.remove('selected');
    this.table.querySelector(`td[data-row="${row}"][data-col="${col}"]`)?.classList.add('selected');
    this.showSelection();
  }

  /** The formula bar shows the selected cell's content as typed (a date as a date). */
  private showSelection(): void {
    const wb = this.workbook;
    this.ref.textContent = a1(this.selected.row, this.selected.col);
    if (!wb || !this.sheet) {
      this.input.value = '';
      this.shown = '';
      return;
    }
    const id = wb.hf.getSheetId(this.sheet)!;
    const content = wb.hf.getCellSerialized({ sheet: id, row: this.selected.row, col: this.selected.col });
    const format = wb.formatAt(this.sheet, this.selected.row, this.selected.col);
    this.input.value =
      typeof content === 'number' && format
        ? serialText(content, format)
        : content === null || content === undefined
          ? ''
          : String(content);
    this.shown = this.input.value;
    this.input.readOnly = wb.info(this.sheet).kind === 'chartsheet';
  }

  private commit(): void {
    const wb = this.workbook;
    if (!wb || !this.sheet || this.input.readOnly || this.input.value === this.shown) return;
    wb.setUserInput(this.sheet, this.selected.row, this.selected.col, this.input.value);
  }
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

function spacer(height: number, cols: number): HTMLTableRowElement {
  const tr = el('tr', { class: 'spacer', style: `height:${height}px` });
  tr.append(el('td', { colspan: String(cols + 1) }));
  return tr;
}

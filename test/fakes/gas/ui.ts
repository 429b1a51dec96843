import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallLog } from './calls';

/** The only meta tags HtmlOutput.addMetaTag accepts (Apps Script's reference). */
const META_NAMES = [
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

/**
 * An HtmlOutput. As served, `<meta>` tags written in the HTML are gone (Apps Script ignores
 * them); only those added with addMetaTag, of the names it allows, reach the page.
 */
export class FakeHtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private readonly metaTags: { name: string; content: string }[] = [];
  constructor(
    private readonly calls: CallLog,
    private content: string,
  ) {}
  getContent(): string {
    this.calls.record('HtmlOutput.getContent');
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.calls.record('HtmlOutput.setContent');
    this.content = content;
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this.calls.record('HtmlOutput.append');
    this.content += addedContent;
    return this;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.calls.record('HtmlOutput.setTitle');
    this.title = title;
    return this;
  }
  /** Dialog width in pixels: an integer, as Apps Script's setWidth(Integer) takes. */
  setWidth(width: number): FakeHtmlOutput {
    this.calls.record('HtmlOutput.setWidth');
    if (!Number.isInteger(width) || width <= 0)
      throw new Error(`Exception: Invalid argument: width (${String(width)})`);
    this.width = width;
    return this;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.calls.record('HtmlOutput.setHeight');
    if (!Number.isInteger(height) || height <= 0)
      throw new Error(`Exception: Invalid argument: height (${String(height)})`);
    this.height = height;
    return this;
  }
  getWidth(): number | null {
    this.calls.record('HtmlOutput.getWidth');
    return this.width;
  }
  getHeight(): number | null {
    this.calls.record('HtmlOutput.getHeight');
    return this.height;
  }
  getTitle(): string {
    this.calls.record('HtmlOutput.getTitle');
    return this.title;
  }
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.calls.record('HtmlOutput.addMetaTag');
    if (!META_NAMES.includes(name))
      throw new Error(`Exception: Meta tag "${name}" is not allowed. Allowed: ${META_NAMES.join(', ')}.`);
    this.metaTags.push({ name, content });
    return this;
  }
  /** Title, the page as served (inline meta tags dropped) and the added meta tags, uncounted. */
  get shown(): {
    title: string;
    content: string;
    metaTags: { name: string; content: string }[];
    width: number | null;
    height: number | null;
  } {
    return {
      title: this.title,
      width: this.width,
      height: this.height,
      content: this.content.replace(/<meta\b[^>]*>/gi, ''),
      metaTags: [...this.metaTags],
    };
  }
}

/** HtmlService: createHtmlOutputFromFile reads NAME.html from the built project's folder. */
export function fakeHtmlService(calls: CallLog, dir: () => string | undefined) {
  return {
    createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
      calls.record('HtmlService.createHtmlOutputFromFile');
      const folder = dir();
      const path = folder === undefined ? undefined : join(folder, `${filename}.html`);
      let text: string;
      try {
        if (path === undefined) throw new Error('no folder');
        text = readFileSync(path, 'utf8');
      } catch {
        throw new Error(`Exception: No HTML file named ${filename} was found.`);
      }
      return new FakeHtmlOutput(calls, text);
    },
    createHtmlOutput(html = ''): FakeHtmlOutput {
      calls.record('HtmlService.createHtmlOutput');
      return new FakeHtmlOutput(calls, html);
    },
  };
}

export interface MenuRecord {
  title: string | null;
  addon: boolean;
  items: ({ caption: string; functionName: string } | 'separator')[];
}

export class FakeMenu {
  private readonly items: MenuRecord['items'] = [];
  constructor(
    private readonly ui: FakeUi,
    private readonly title: string | null,
    private readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): FakeMenu {
    this.ui.calls.record('Menu.addItem');
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.ui.calls.record('Menu.addSeparator');
    this.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.ui.calls.record('Menu.addToUi');
    this.ui.menus.push({ title: this.title, addon: this.addon, items: [...this.items] });
  }
}

/** SpreadsheetApp.getUi(): menus, alerts and sidebars are recorded for assertions. */
export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly sidebars: FakeHtmlOutput['shown'][] = [];
  /** Modal dialogs shown: the page as served, its size and the dialog's title (showModalDialog's argument). */
  readonly dialogs: (FakeHtmlOutput['shown'] & { dialogTitle: string })[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

  constructor(readonly calls: CallLog) {}

  createAddonMenu(): FakeMenu {
    this.calls.record('Ui.createAddonMenu');
    return new FakeMenu(this, null, true);
  }
  createMenu(caption: string): FakeMenu {
    this.calls.record('Ui.createMenu');
    return new FakeMenu(this, caption, false);
  }
  alert(a: string, b?: unknown, c?: unknown): string {
    this.calls.record('Ui.alert');
    // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons)
    if (c !== undefined) this.alerts.push({ title: a, prompt: String(b) });
    else this.alerts.push({ title: '', prompt: a });
    return this.Button.OK;
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.calls.record('Ui.showSidebar');
    this.sidebars.push(output.shown);
  }
  /**
   * Ui.showModalDialog(userInterface, title): an HtmlOutput (not a string) and a title string,
   * as Apps Script requires; the page reaches the browser as a sidebar's does (inline <meta> dropped).
   */
  showModalDialog(output: unknown, title: unknown): void {
    this.calls.record('Ui.showModalDialog');
    if (!(output instanceof FakeHtmlOutput))
      throw new Error(
        "Exception: The parameters (String,String) don't match the method signature for Ui.showModalDialog.",
      );
    if (typeof title !== 'string')
      throw new Error("Exception: The parameters don't match the method signature for Ui.showModalDialog.");
    this.dialogs.push({ ...output.shown, dialogTitle: title });
  }
}

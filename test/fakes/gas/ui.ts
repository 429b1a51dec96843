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
  get shown(): { title: string; content: string; metaTags: { name: string; content: string }[] } {
    return {
      title: this.title,
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
  readonly sidebars: { title: string; content: string; metaTags: { name: string; content: string }[] }[] = [];
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
}

import type { KimeruApi } from '../../../shared/commands/api';
import { toLang } from '../../../shared/i18n';
import { HOST_GLOBAL, type PlaygroundHost } from '../host';
import { say, PlaygroundError } from '../messages';
import type { OpenProgress } from '../hf-workbook-file';
import { openFileInPage } from './open-file';
import { openedSession, sampleSession, saveSession, type Session } from './session';
import { wideOverlay } from './wide-overlay';
import { WorkbookView } from './workbook-view';

/**
 * The playground page: a workbook view over HyperFormula beside kimeru's task pane (the same
 * UI as the add-ins, in a frame, talking to this page through playground/src/bridge.ts). It
 * opens on the sample workbook; .xlsx and .csv files open from disk and save back as .xlsx.
 */

const lang = toLang(navigator.language);
let session: Session | null = null;
let pending: Promise<Session> | null = null;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function status(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = error ? 'status error' : 'status';
  s.setAttribute('role', error ? 'alert' : 'status');
}

const wide = wideOverlay(lang);

const host: PlaygroundHost = {
  openWide: (request) => wide.open(request),
  closeWide: () => wide.close(),
  async call(method, args) {
    const current = session ?? (await pending);
    if (!current) throw new Error('no workbook');
    const fn = current.api[method] as (...a: unknown[]) => Promise<unknown>;
    return fn.apply(current.api as KimeruApi, args);
  },
};
(window as unknown as Record<string, unknown>)[HOST_GLOBAL] = host;

/** While a file opens, the buttons wait and a bar shows how far it is. */
function opening(on: boolean): void {
  for (const id of ['open', 'save', 'sample']) $<HTMLInputElement | HTMLButtonElement>(id).disabled = on;
  $('open-label').classList.toggle('disabled', on);
  const bar = $<HTMLProgressElement>('progress');
  bar.hidden = !on;
  bar.removeAttribute('value');
}

function progress(file: string, p: OpenProgress): void {
  const bar = $<HTMLProgressElement>('progress');
  // Reading the sheets is the first third, loading their rows the rest.
  const share = p.total > 0 ? p.done / p.total : 1;
  bar.value = p.phase === 'read' ? share / 3 : 1 / 3 + (2 / 3) * share;
  bar.max = 1;
  const key = p.phase === 'read' ? 'page.reading' : 'page.loading';
  status(
    say(lang, key, {
      file,
      sheet: p.sheet,
      done: p.done.toLocaleString(lang),
      total: p.total.toLocaleString(lang),
    }),
  );
}

function reloadPane(): void {
  const frame = $<HTMLIFrameElement>('pane');
  frame.src = 'pane.html';
}

function use(next: Session, view: WorkbookView): void {
  session = next;
  $('file-name').textContent = next.fileName;
  document.title = `${next.fileName} — kimeru playground`;
  view.show(next.workbook, next.firstSheet);
}

function messageOf(e: unknown): string {
  return e instanceof PlaygroundError || e instanceof Error ? e.message : String(e);
}

async function boot(): Promise<void> {
  document.documentElement.lang = lang;
  $('open-label').textContent = say(lang, 'page.open');
  $('save').textContent = say(lang, 'page.save');
  $('sample').textContent = say(lang, 'page.sample');
  const view = new WorkbookView($('workbook'), lang);

  // The pane (already loading in its frame) waits for this first workbook through `pending`.
  pending = sampleSession(lang);
  use(await pending, view);
  pending = null;

  $<HTMLInputElement>('open').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    opening(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const opened = await openFileInPage(bytes, file.name, lang, (p) => progress(file.name, p));
      use(openedSession(opened, file.name, lang), view);
      reloadPane();
      status(say(lang, 'page.opened', { file: file.name }));
    } catch (err) {
      status(messageOf(err), true);
    } finally {
      opening(false);
    }
  });

  $('save').addEventListener('click', () => {
    if (!session) return;
    try {
      const { bytes, fileName } = saveSession(session, lang);
      const blob = new Blob([bytes as BlobPart], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      status(say(lang, 'page.saved', { file: fileName }));
    } catch (err) {
      status(messageOf(err), true);
    }
  });

  $('sample').addEventListener('click', async () => {
    pending = sampleSession(lang);
    use(await pending, view);
    pending = null;
    reloadPane();
    status('');
  });
}

void boot().catch((e: unknown) => status(messageOf(e), true));

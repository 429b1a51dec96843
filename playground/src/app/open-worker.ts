import { toLang } from '../../../shared/i18n';
import { postable, readWorkbookFile, type OpenProgress, type PostedFile } from '../hf-workbook-file';

/**
 * The page's file reader, in a worker: unzipping and parsing a big .xlsx takes seconds, and
 * here it does not stop the page from answering. Posts progress per sheet, then the read file
 * (or the message naming what is wrong with it).
 */

export interface OpenRequest {
  bytes: Uint8Array;
  fileName: string;
  lang: string;
}

export type OpenReply =
  | { type: 'progress'; progress: OpenProgress }
  | { type: 'read'; read: PostedFile }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<OpenRequest>) => void) | null;
  postMessage(reply: OpenReply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { bytes, fileName, lang } = e.data;
  try {
    const read = readWorkbookFile(bytes, fileName, toLang(lang), (progress) =>
      scope.postMessage({ type: 'progress', progress }),
    );
    const posted = postable(read);
    scope.postMessage({ type: 'read', read: posted }, transferables(posted));
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};

/** The package's part buffers, moved to the page rather than copied (a big file's parts are large). */
function transferables(posted: PostedFile): Transferable[] {
  if (posted.kind !== 'xlsx') return [];
  const buffers = new Set<ArrayBuffer>();
  for (const bytes of posted.file.parts.values())
    if (bytes.buffer instanceof ArrayBuffer) buffers.add(bytes.buffer);
  return [...buffers];
}

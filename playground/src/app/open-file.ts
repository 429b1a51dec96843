import type { Lang } from '../../../shared/i18n';
import {
  fromPosted,
  loadWorkbookFile,
  readWorkbookFile,
  type OpenedWorkbook,
  type OpenProgress,
  type ReadFile,
} from '../hf-workbook-file';
import type { OpenReply, OpenRequest } from './open-worker';

/**
 * Opening a file in the page without freezing it: the file is read in a worker (open-worker.js),
 * then loaded into the formula engine block by block, giving the page a turn between blocks.
 * `onProgress` hears where it is after every sheet read and every block loaded.
 */
export async function openFileInPage(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
  onProgress: (p: OpenProgress) => void,
): Promise<OpenedWorkbook> {
  const read = await readInWorker(bytes, fileName, lang, onProgress);
  const steps = loadWorkbookFile(read, lang);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value);
    await nextTurn();
  }
}

/** A macrotask later: input, painting and timers run before the next block. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function readInWorker(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
  onProgress: (p: OpenProgress) => void,
): Promise<ReadFile> {
  // Without workers (an old browser, a locked-down page) the file is read here, as before.
  if (typeof Worker === 'undefined') return Promise.resolve(readWorkbookFile(bytes, fileName, lang));
  return new Promise((resolve, reject) => {
    const worker = new Worker('open-worker.js');
    const finish = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<OpenReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') return onProgress(reply.progress);
      finish();
      if (reply.type === 'read') resolve(fromPosted(reply.read));
      else reject(new Error(reply.message));
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message));
    };
    const request: OpenRequest = { bytes, fileName, lang };
    worker.postMessage(request, [bytes.buffer]);
  });
}

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildSidebarHtml } from '../ui/build';
import { buildPlayground, PLAYGROUND_BRIDGE } from './build';

/**
 * `npm start`: builds the playground into dist/playground and serves it on
 * http://localhost:5173 (or the next free port), printing the URL. Only the built files are
 * served, to this machine only; the page itself fetches nothing else.
 */

const ROOT = resolve(__dirname, '..');
const FILES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/app.js': 'app.js',
  '/pane.html': 'pane.html',
  '/open-worker.js': 'open-worker.js',
};
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};
// The page and its frame load only their own files: no request leaves the machine.
const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'none'; frame-src 'self'; object-src 'none'; base-uri 'none'";

export interface RunningPlayground {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Builds the pane and the page into `outDir`. */
export async function buildAll(outDir: string): Promise<void> {
  const pane = await buildSidebarHtml({ bridge: PLAYGROUND_BRIDGE, title: 'kimeru' });
  await buildPlayground(outDir, pane);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      fail(e);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      ok(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Builds, then serves on `port` or the next free one (port 0: any free port). */
export async function startPlayground(
  opts: { port?: number; outDir?: string; build?: boolean } = {},
): Promise<RunningPlayground> {
  const outDir = opts.outDir ?? join(ROOT, 'dist', 'playground');
  if (opts.build !== false) await buildAll(outDir);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const file = FILES[path];
    if (req.method !== 'GET' || !file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    readFile(join(outDir, file))
      .then((body) =>
        res
          .writeHead(200, {
            'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
            'Cache-Control': 'no-store',
            'Content-Security-Policy': CSP,
            'X-Content-Type-Options': 'nosniff',
          })
          .end(body),
      )
      .catch(() => res.writeHead(500).end());
  });
  const first = opts.port ?? 5173;
  const port = await (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await listen(server, first === 0 ? 0 : first + attempt);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 50 || first === 0) throw e;
      }
    }
  })();
  return {
    url: `http://localhost:${port}/`,
    port,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (require.main === module) {
  const wanted = Number(process.env['PORT'] ?? 5173);
  startPlayground({ port: Number.isFinite(wanted) ? wanted : 5173 })
    .then((p) => process.stdout.write(`kimeru playground: ${p.url}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { getHttpsServerOptions } from 'office-addin-dev-certs';
import { buildOfficeAddin, DEV_URL, excelTaskpaneHtml, OFFICE_JS_URL } from './build';

/**
 * `npm run dev:excel`: builds the add-in into dist/office-addin with localhost URLs and serves it
 * at https://localhost:3000, the address in office-addin/manifest.xml. The certificate comes from
 * office-addin-dev-certs, which makes a development CA and asks the system to trust it (an
 * administrator prompt on Windows and Mac; sudo on Linux). If that step fails, the server still
 * starts with the generated certificate when there is one, and says how to trust it. It listens
 * on 127.0.0.1 only: the add-in's files are for this machine's Excel, not the network.
 *
 * office.js comes from the @microsoft/office-js package, served under /office-js/ (its whole
 * dist folder: office.js loads its host- and language-specific files from beside itself), so the
 * dev server works offline and with the exact office.js version the lockfile names. Only pages
 * served here are rewritten to it; the built taskpane.html keeps Microsoft's CDN URL, which
 * production pages must use.
 */

/** The @microsoft/office-js files (office.js and what it loads) on this machine. */
export const OFFICE_JS_DIR = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
/** Where the dev server serves them. */
export const LOCAL_OFFICE_JS_PATH = '/office-js/office.js';

const OUT = resolve(__dirname, '../dist/office-addin');
const PORT = 3000;
/** The loopback interface only: nothing else on the network can reach the dev server. */
export const HOST = '127.0.0.1';
const CERT_DIR = join(homedir(), '.office-addin-dev-certs');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
};

function say(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function certificates(): Promise<ServerOptions> {
  try {
    const { cert, key, ca } = await getHttpsServerOptions();
    return { cert, key, ca };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const cert = join(CERT_DIR, 'localhost.crt');
    const key = join(CERT_DIR, 'localhost.key');
    const trust = [
      `  npx office-addin-dev-certs install     (Windows/Mac: accept the prompt; Linux: needs sudo)`,
      `  or import ${join(CERT_DIR, 'ca.crt')} into your browser's trusted authorities.`,
    ];
    if (!existsSync(cert) || !existsSync(key)) {
      say([
        `kimeru: could not create the localhost certificate: ${reason}`,
        'kimeru: localhost 用の証明書を作成できませんでした。次を実行してから、もう一度お試しください:',
        ...trust,
      ]);
      process.exit(1);
    }
    say([
      `kimeru: the development CA is not trusted on this machine (${reason}).`,
      'kimeru: 開発用の証明書がこのコンピューターで信頼されていません。Excel が読み込めるよう、次のいずれかを行ってください:',
      ...trust,
    ]);
    return { cert: await readFile(cert), key: await readFile(key) };
  }
}

/**
 * Answers GET requests with the files under `root` (taskpane.html for "/"), nothing outside it.
 * With `officeJs` (a folder like OFFICE_JS_DIR), /office-js/… is served from that folder and
 * HTML pages load office.js from there instead of Microsoft's CDN.
 */
export function serveFiles(
  root: string,
  officeJs?: string,
): (req: IncomingMessage, res: ServerResponse) => void {
  const officePrefix = LOCAL_OFFICE_JS_PATH.slice(0, LOCAL_OFFICE_JS_PATH.lastIndexOf('/') + 1);
  return (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', DEV_URL).pathname);
    } catch {
      // A malformed escape (/%E0%A4%A) is the client's error, not a reason to stop serving.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const fromPackage = officeJs !== undefined && path.startsWith(officePrefix);
    const base = fromPackage ? resolve(officeJs) : root;
    const file = fromPackage
      ? resolve(base, `.${path.slice(officePrefix.length - 1)}`)
      : resolve(root, `.${path === '/' ? '/taskpane.html' : path}`);
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (read) => {
        const body =
          officeJs !== undefined && extname(file) === '.html'
            ? read.toString('utf8').split(OFFICE_JS_URL).join(LOCAL_OFFICE_JS_PATH)
            : read;
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  };
}

export interface DevServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Serves `root` over HTTPS on 127.0.0.1:`port` (0: any free port) once it is listening. */
export function startDevServer(opts: {
  root: string;
  tls: ServerOptions;
  port?: number;
  /** Serve office.js from this folder (OFFICE_JS_DIR) rather than let pages fetch the CDN's. */
  officeJs?: string;
}): Promise<DevServer> {
  const server = createServer(opts.tls, serveFiles(resolve(opts.root), opts.officeJs));
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? PORT, HOST, () => {
      server.off('error', fail);
      ok({
        server,
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

async function main(): Promise<void> {
  // The dev server always serves localhost, whatever KIMERU_ADDIN_URL says.
  await buildOfficeAddin(OUT, await excelTaskpaneHtml(), { baseUrl: DEV_URL });
  const tls = await certificates();
  await startDevServer({ root: OUT, tls, port: PORT, officeJs: OFFICE_JS_DIR });
  say([
    `kimeru: serving ${OUT} at ${DEV_URL}/ (${HOST} only)`,
    `kimeru: office.js from @microsoft/office-js at ${DEV_URL}${LOCAL_OFFICE_JS_PATH}`,
    `kimeru: manifest: ${join(OUT, 'manifest.xml')}`,
    'kimeru: Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in',
  ]);
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });

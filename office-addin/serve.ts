import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerOptions } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { getHttpsServerOptions } from 'office-addin-dev-certs';
import { buildOfficeAddin, DEV_URL, excelTaskpaneHtml } from './build';

/**
 * `npm run dev:excel`: builds the add-in into dist/office-addin with localhost URLs and serves it
 * at https://localhost:3000, the address in office-addin/manifest.xml. The certificate comes from
 * office-addin-dev-certs, which makes a development CA and asks the system to trust it (an
 * administrator prompt on Windows and Mac; sudo on Linux). If that step fails, the server still
 * starts with the generated certificate when there is one, and says how to trust it.
 */

const OUT = resolve(__dirname, '../dist/office-addin');
const PORT = 3000;
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

async function main(): Promise<void> {
  // The dev server always serves localhost, whatever KIMERU_ADDIN_URL says.
  await buildOfficeAddin(OUT, await excelTaskpaneHtml(), { baseUrl: DEV_URL });
  const tls = await certificates();
  const server = createServer(tls, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', DEV_URL).pathname);
    const file = resolve(OUT, `.${path === '/' ? '/taskpane.html' : path}`);
    if (!file.startsWith(OUT + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  server.listen(PORT, () =>
    say([
      `kimeru: serving ${OUT} at ${DEV_URL}/`,
      `kimeru: manifest: ${join(OUT, 'manifest.xml')}`,
      'kimeru: Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in',
    ]),
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});

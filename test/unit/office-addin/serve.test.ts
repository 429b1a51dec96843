import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { HOST, startDevServer, type DevServer } from '../../../office-addin/serve';

/*
 * `npm run dev:excel`'s server: reachable from this machine only, and a malformed address from
 * a browser or a scanner gets 400 — the server keeps serving the task pane.
 */

let dir: string;
let dev: DevServer;
let ca: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-serve-'));
  const certs = join(dir, 'certs');
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await generateCertificates(
      join(certs, 'ca.crt'),
      join(certs, 'localhost.crt'),
      join(certs, 'localhost.key'),
    );
  } finally {
    log.mockRestore();
  }
  ca = readFileSync(join(certs, 'ca.crt'));
  const root = join(dir, 'site');
  mkdirSync(root);
  writeFileSync(join(root, 'taskpane.html'), '<!doctype html><title>kimeru</title>');
  dev = await startDevServer({
    root,
    port: 0,
    tls: {
      cert: readFileSync(join(certs, 'localhost.crt')),
      key: readFileSync(join(certs, 'localhost.key')),
    },
  });
}, 60_000);

afterAll(async () => {
  await dev?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', servername: 'localhost', port: dev.port, path, ca, method: 'GET' },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    // A server that died on the request never answers: fail instead of waiting forever.
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${path}`)));
    req.end();
  });
}

it('listens on the loopback interface only', () => {
  expect(HOST).toBe('127.0.0.1');
  expect(dev.server.address()).toMatchObject({ address: '127.0.0.1' });
});

it('answers a malformed percent escape with 400 and keeps serving', async () => {
  expect((await get('/%E0%A4%A')).status).toBe(400);
  expect(dev.server.listening).toBe(true);
  const page = await get('/');
  expect(page.status).toBe(200);
  expect(page.body).toContain('<title>kimeru</title>');
});

it('serves nothing outside its folder', async () => {
  expect((await get('/..%2fcerts%2flocalhost.key')).status).toBe(403);
  expect((await get('/missing.js')).status).toBe(404);
});

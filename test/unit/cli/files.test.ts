import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { compoundFile, FIXTURES } from '../xlsx/helpers';

/*
 * The command line and the user's files: --in-place keeps the file's permissions and writes
 * through a symbolic link; a failed or interrupted write leaves no temporary file; a file that is
 * not a workbook kimeru can open gets a message of its own, in Japanese or English, and is never
 * touched.
 */

// jest would resolve cli/kimeru to the npx shim (kimeru.js, which runs at once): name the .ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require('../../../cli/kimeru.ts') as typeof import('../../../cli/kimeru');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function kimeru(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const team = () => {
  const path = join(dir, 'team.xlsx');
  copyFileSync(join(FIXTURES, 'team-libreoffice.xlsx'), path);
  return path;
};

describe('--in-place', () => {
  it('keeps a private file private (0600 stays 0600) and changes it', async () => {
    const path = team();
    chmodSync(path, 0o600);
    const before = readFileSync(path);
    const r = await kimeru('setup', path, '--in-place', '--as-of', '2026-11-29');
    expect(r.code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path).equals(before)).toBe(false);
    expect(readdirSync(dir)).toEqual(['team.xlsx']);
  });

  it('is needed to overwrite the input through a link named by --out', async () => {
    const path = team();
    const before = readFileSync(path);
    symlinkSync('team.xlsx', join(dir, 'alias.xlsx'));
    const r = await kimeru('setup', path, '--out', join(dir, 'alias.xlsx'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The output is the input file itself: add --in-place to overwrite it.');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('writes the file a symbolic link points at, and the link stays a link', async () => {
    const real = team();
    chmodSync(real, 0o640);
    const link = join(dir, 'link.xlsx');
    symlinkSync('team.xlsx', link);
    const before = readFileSync(real);
    const r = await kimeru('setup', link, '--in-place', '--as-of', '2026-11-29');
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).equals(before)).toBe(false);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['link.xlsx', 'team.xlsx']);
  });
});

describe('a write that fails or is interrupted leaves no temporary file', () => {
  it('when the output cannot be written (it is a folder), with the reason', async () => {
    const path = team();
    mkdirSync(join(dir, 'out.xlsx'));
    const r = await kimeru('setup', path, '--out', join(dir, 'out.xlsx'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Cannot write "${join(dir, 'out.xlsx')}"`);
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', 'team.xlsx']);
    expect(readdirSync(join(dir, 'out.xlsx'))).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s, removing the temporary file and leaving the target as it was',
    async (signal, code) => {
      const target = join(dir, 'team.xlsx');
      writeFileSync(target, 'old content');
      const child = spawn(
        process.execPath,
        ['-r', 'tsx/cjs', join(__dirname, 'interrupt-driver.ts'), target, 'en'],
        {
          cwd: join(__dirname, '..', '..', '..'),
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
      });
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      child.kill(signal);
      expect(await exit).toBe(code);
      expect(readdirSync(dir)).toEqual(['team.xlsx']);
      expect(readFileSync(target, 'utf8')).toBe('old content');
      expect(stderr).toContain('Interrupted. The temporary file was removed and');
    },
    60_000,
  );
});

/** A zip whose one entry inflates to `bytes` zeros (about 1,000 times smaller), built by streaming. */
async function zipBomb(bytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const deflate = createDeflateRaw({ level: 9 });
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(16 * 1024 * 1024);
  for (let written = 0; written < bytes; written += zeros.length) {
    const part = zeros.subarray(0, Math.min(zeros.length, bytes - written));
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(chunks);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  // Local file header, the data, one central directory entry, the end record (APPNOTE 4.3).
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(bytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(bytes, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

describe('files kimeru cannot open: a message of their own, the input untouched', () => {
  const cases: [string, () => Promise<Uint8Array | 'dir' | 'missing'>, string, string][] = [
    [
      '古い.xls',
      async () => compoundFile(['Workbook', '\u0005SummaryInformation']),
      '「古い.xls」は古い Excel 形式（.xls）のため開けません。Excel で「名前を付けて保存」から .xlsx 形式で保存し直してください。',
      'Cannot open "古い.xls": it is an old Excel file (.xls). In Excel, use Save As to save it as an .xlsx workbook.',
    ],
    [
      'calc.ods',
      async () =>
        zipSync({
          mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
          'content.xml': strToU8('<office:document-content/>'),
        }),
      '「calc.ods」は OpenDocument 形式（.ods）のため開けません。',
      'Cannot open "calc.ods": it is an OpenDocument spreadsheet (.ods).',
    ],
    [
      'secret.xlsx',
      async () => compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
      '「secret.xlsx」はパスワードで保護されているため開けません。保護を外して保存し直してください。',
      'Cannot open "secret.xlsx": it is password-protected. Remove the protection and save it again.',
    ],
    [
      'memo.xlsx',
      async () => strToU8('これはメモです'),
      '「memo.xlsx」を開けません: .xlsx ファイルとして読めません（壊れているか、別の形式です）。',
      'Cannot open "memo.xlsx": it cannot be read as an .xlsx file (it is damaged or another format).',
    ],
    [
      'bomb.xlsx',
      () => zipBomb(500 * 1024 * 1024 + 1),
      '「bomb.xlsx」は展開すると 500 MB を超えるため開きません（圧縮爆弾の可能性があります）。',
      'Cannot open "bomb.xlsx": unzipped it would exceed 500 MB (it may be a zip bomb).',
    ],
    [
      'フォルダ.xlsx',
      async () => 'dir',
      '「フォルダ.xlsx」はフォルダーです。.xlsx か .csv のファイルを指定してください。',
      '"フォルダ.xlsx" is a folder: name an .xlsx or .csv file.',
    ],
    [
      'ない.xlsx',
      async () => 'missing',
      'ファイル「ない.xlsx」がありません。',
      'There is no file "ない.xlsx".',
    ],
  ];

  it.each(cases)(
    '%s',
    async (name, make, ja, en) => {
      const content = await make();
      const path = join(dir, name);
      if (content === 'dir') mkdirSync(path);
      else if (content !== 'missing') writeFileSync(path, content);
      const listing = readdirSync(dir);
      const before = content instanceof Uint8Array ? readFileSync(path) : null;
      // Run from the folder, naming the file as a user types it.
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        for (const [lang, message] of [
          ['ja', ja],
          ['en', en],
        ] as const) {
          const r = await kimeru('rank', name, '--lang', lang, '--as-of', '2026-11-29');
          expect({ code: r.code, stderr: r.stderr }).toEqual({
            code: 1,
            stderr: expect.stringContaining(message),
          });
        }
      } finally {
        process.chdir(cwd);
      }
      expect(readdirSync(dir)).toEqual(listing);
      if (before) expect(readFileSync(path).equals(before)).toBe(true);
    },
    120_000,
  );
});

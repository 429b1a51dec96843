/**
 * npm run package: what a team's admin deploys, without a developer (README, "チームに導入する").
 *
 *   npm run package                                   Google Sheets only
 *   npm run package -- --base-url https://host/kimeru  Google Sheets and Excel
 *   npm run package -- excel --base-url https://…      one host only (sheets | excel)
 *   … --out DIR                                        somewhere else than dist/package
 *
 * dist/package/sheets/  Code.js, Sidebar.html, appsscript.json: the Apps Script project, exactly
 *                       the files `clasp push` uploads (or that are pasted into the editor).
 * dist/package/excel/   static files for any HTTPS host, and manifest.xml with every URL under
 *                       the base URL, for Integrated Apps in the Microsoft 365 admin center.
 * The listing texts and images for the Marketplace are in deploy/sheets/ (kept in the repo).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildAppsScript } from '../appsscript/build';
import { buildOfficeAddin, bundleSizes, excelTaskpaneHtml } from '../office-addin/build';
import { buildSidebarHtml } from '../ui/build';

const ROOT = resolve(__dirname, '..');
export const DEFAULT_OUT = join(ROOT, 'dist/package');

export type PackageHost = 'sheets' | 'excel';

export interface PackageOptions {
  hosts: PackageHost[];
  /** Where the Excel files will be served from (https, no query); required for excel. */
  baseUrl?: string;
  out: string;
}

/** A refusal the admin can act on: what is wrong and what to type, in Japanese then English. */
export class PackageError extends Error {}

const USAGE = [
  '使い方 / Usage:',
  '  npm run package                                          (Google Sheets)',
  '  npm run package -- --base-url https://example.com/kimeru (Google Sheets + Excel)',
  '  npm run package -- excel --base-url https://example.com/kimeru',
  '  options: sheets | excel, --base-url URL, --out DIR',
].join('\n');

/** Reads the command line; throws PackageError (with the usage) on anything it does not know. */
export function parsePackageArgs(argv: readonly string[]): PackageOptions {
  const named: PackageHost[] = [];
  let baseUrl: string | undefined;
  let out = DEFAULT_OUT;
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--'))
      throw new PackageError(`${flag} の後に値がありません。\n${flag} needs a value.\n\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = /^(--[a-z-]+)=(.*)$/.exec(arg);
    const flag = eq ? eq[1]! : arg;
    if (flag === '--base-url' || flag === '--out') {
      const v = eq ? eq[2]! : value(i++, flag);
      if (flag === '--base-url') baseUrl = v;
      else out = resolve(v);
    } else if (arg === 'sheets' || arg === 'excel') named.push(arg);
    else throw new PackageError(`不明な指定です: ${arg}\nUnknown argument: ${arg}\n\n${USAGE}`);
  }
  const hosts: PackageHost[] =
    named.length > 0 ? [...new Set(named)] : baseUrl === undefined ? ['sheets'] : ['sheets', 'excel'];
  if (hosts.includes('excel')) baseUrl = packageBaseUrl(baseUrl);
  else if (baseUrl !== undefined) baseUrl = packageBaseUrl(baseUrl);
  return { hosts, baseUrl, out };
}

/**
 * The address the Excel files will be served from, checked before anything is built: Office
 * loads add-ins over https only, the manifest may not point at a development address, and a
 * query or fragment would be glued onto every file name.
 */
export function packageBaseUrl(raw: string | undefined): string {
  const example = 'npm run package -- --base-url https://example.com/kimeru';
  if (raw === undefined || raw.trim() === '')
    throw new PackageError(
      [
        'Excel 版には、ファイルを置く HTTPS のアドレスが必要です。例:',
        `  ${example}`,
        'The Excel add-in needs the HTTPS address its files will be served from, e.g.',
        `  ${example}`,
      ].join('\n'),
    );
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PackageError(
      `--base-url が URL ではありません: ${value}\n--base-url is not a URL: ${value}\n(${example})`,
    );
  }
  if (url.protocol !== 'https:')
    throw new PackageError(
      [
        `--base-url は https:// で始めてください（Office は https のアドインしか読み込みません）: ${value}`,
        `--base-url must start with https:// (Office loads add-ins over https only): ${value}`,
      ].join('\n'),
    );
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    throw new PackageError(
      [
        `--base-url に ? や # やユーザー名を含めないでください: ${value}`,
        `--base-url must not have a query, a fragment or credentials: ${value}`,
      ].join('\n'),
    );
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    throw new PackageError(
      [
        `--base-url が開発用のアドレスです（チームの Excel からは届きません）: ${value}`,
        '  開発中の確認は npm run dev:excel を使ってください。',
        `--base-url is a development address, which your team's Excel cannot reach: ${value}`,
        '  To try the add-in on this computer, use npm run dev:excel.',
      ].join('\n'),
    );
  return url.href.replace(/\/+$/, '');
}

/** The files of an Apps Script project that clasp pushes: the script, the page, the manifest. */
export const APPS_SCRIPT_FILES = ['Code.js', 'Sidebar.html', 'appsscript.json'] as const;

/** Builds what `options.hosts` asks for into `options.out`/<host>; returns the folders written. */
export async function packageKimeru(options: PackageOptions): Promise<Record<PackageHost, string | null>> {
  const written: Record<PackageHost, string | null> = { sheets: null, excel: null };
  if (options.hosts.includes('sheets')) {
    const dir = join(options.out, 'sheets');
    await rm(dir, { recursive: true, force: true });
    const sidebar = await buildSidebarHtml({ bridge: join(ROOT, 'ui/bridges/sheets.ts'), title: 'kimeru' });
    await buildAppsScript(dir, sidebar);
    const files = (await readdir(dir)).sort();
    if (JSON.stringify(files) !== JSON.stringify([...APPS_SCRIPT_FILES].sort()))
      throw new Error(
        `The Apps Script folder holds ${files.join(', ')}, not ${APPS_SCRIPT_FILES.join(', ')}`,
      );
    written.sheets = dir;
  }
  if (options.hosts.includes('excel')) {
    const baseUrl = packageBaseUrl(options.baseUrl);
    const dir = join(options.out, 'excel');
    await rm(dir, { recursive: true, force: true });
    await buildOfficeAddin(dir, await excelTaskpaneHtml(), { baseUrl });
    await checkManifestFiles(dir, baseUrl);
    written.excel = dir;
  }
  return written;
}

/**
 * Every URL in the built manifest is under the base URL and names a file in the folder, so that
 * uploading the folder as it is makes every link the admin deploys work.
 */
export async function checkManifestFiles(dir: string, baseUrl: string): Promise<void> {
  const manifest = await readFile(join(dir, 'manifest.xml'), 'utf8');
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]!);
  const problems: string[] = [];
  for (const url of urls) {
    if (!url.startsWith(`${baseUrl}/`)) {
      problems.push(`not under ${baseUrl}/: ${url}`);
      continue;
    }
    const file = join(dir, ...url.slice(baseUrl.length + 1).split('/'));
    if (!existsSync(file)) problems.push(`no file for ${url}`);
  }
  if (urls.length === 0) problems.push('no URL at all');
  if (problems.length > 0) throw new Error(`manifest.xml: ${problems.join('; ')}`);
}

function nextSteps(written: Record<PackageHost, string | null>, baseUrl: string | undefined): string[] {
  const lines: string[] = [];
  if (written.sheets)
    lines.push(
      `Google Sheets: ${written.sheets}`,
      '  → README「チームに導入する」Google スプレッドシート / "Deploy to your team", Google Sheets',
    );
  if (written.excel)
    lines.push(
      `Excel: ${written.excel}`,
      `  1. このフォルダーの中身を ${baseUrl}/ に置く / upload this folder's contents to ${baseUrl}/`,
      `     (${baseUrl}/taskpane.html が開けること / ${baseUrl}/taskpane.html must open)`,
      `  2. ${join(written.excel, 'manifest.xml')} を Microsoft 365 管理センター > 統合アプリ へ`,
      '     / upload manifest.xml in the Microsoft 365 admin center > Integrated apps',
    );
  else
    lines.push(
      'Excel: --base-url https://… を付けると Excel 版も作ります / add --base-url https://… for Excel',
    );
  return lines;
}

/** The pages and scripts of the Excel folder with their sizes (dialog-opener.js loads only for a wide view). */
async function sizeLines(dir: string): Promise<string[]> {
  return (await bundleSizes(dir)).map((s) => `  ${s.file.padEnd(18)} ${(s.bytes / 1024).toFixed(1)} KB`);
}

async function main(): Promise<void> {
  let options: PackageOptions;
  try {
    options = parsePackageArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    process.stderr.write(`kimeru package: ${e.message}\n`);
    process.exitCode = 2;
    return;
  }
  const written = await packageKimeru(options);
  process.stdout.write(`${nextSteps(written, options.baseUrl).join('\n')}\n`);
  if (written.excel) process.stdout.write(`${(await sizeLines(written.excel)).join('\n')}\n`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`kimeru package: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_SOURCE } from '../../../office-addin/build';
import { readManifest } from '../../bundle/office-harness';
import { addinSources, officeMembersUsed, type MemberUse } from './office-api-use';
import {
  compareVersions,
  MANIFEST_FEATURES,
  MEMBER_REQUIREMENTS,
  minimumSets,
  type Requirement,
} from './requirement-sets';

/*
 * The manifest's <Requirements> promise which Excel versions can run kimeru. They are derived here
 * from what the code calls (office-addin/src, found by the TypeScript checker) and from the
 * manifest's own features, through a table written from Microsoft's reference pages: declaring
 * less would let an older Excel load the add-in and fail mid-command; declaring more would hide
 * it from Excel versions that could run it.
 */

jest.setTimeout(60_000);

let used: MemberUse[];
beforeAll(() => {
  used = officeMembersUsed(addinSources());
});

function derived(uses: readonly MemberUse[], manifest: string): Record<string, string> {
  const fromCode = uses.map((u) => MEMBER_REQUIREMENTS[u.member]).filter((r): r is Requirement => !!r);
  const fromManifest = MANIFEST_FEATURES.filter((f) => f.feature.test(manifest)).map((f) => f.requires);
  return minimumSets([...fromCode, ...fromManifest]);
}

describe('the Excel add-in’s requirement sets', () => {
  it('finds the Office.js calls the code makes (the scan sees real uses)', () => {
    const members = used.map((u) => u.member);
    expect(members).toEqual(
      expect.arrayContaining([
        'Excel.run',
        'Excel.TableRowCollection.add',
        'Excel.WorksheetFreezePanes.freezeRows',
        'Office.onReady',
        'CustomFunctions.associate',
        'CustomFunctions.Error',
      ]),
    );
  });

  it('knows the requirement set of every Office.js member the code uses', () => {
    const unknown = used
      .filter((u) => !(u.member in MEMBER_REQUIREMENTS))
      .map((u) => `${u.member} (${u.at})`);
    // Each one needs a line in test/unit/deploy/requirement-sets.ts, from its Microsoft reference page.
    expect(unknown).toEqual([]);
  });

  it('agrees with the [Api set] remarks of @types/office-js wherever they give one', () => {
    const disagree: string[] = [];
    for (const u of used) {
      const mine = MEMBER_REQUIREMENTS[u.member];
      const m = /\b(ExcelApi|CustomFunctionsRuntime|SharedRuntime) (\d+(?:\.\d+)*)/.exec(u.typesSays);
      if (!mine || !m) continue;
      const same = mine.set === m[1] && compareVersions(mine.version, m[2]!) === 0;
      const raisedWithReason = mine.set === m[1] && compareVersions(mine.version, m[2]!) > 0 && !!mine.note;
      if (!same && !raisedWithReason)
        disagree.push(`${u.member}: table ${mine.set} ${mine.version}, types ${u.typesSays}`);
    }
    expect(disagree).toEqual([]);
  });

  it('are exactly what the code and the manifest need: no less, no more', async () => {
    const manifest = await readFile(MANIFEST_SOURCE, 'utf8');
    const need = derived(used, manifest);
    expect(need).toEqual({
      ExcelApi: '1.7',
      CustomFunctionsRuntime: '1.3',
      SharedRuntime: '1.1',
      DialogApi: '1.1',
    });
    expect(readManifest(manifest).sets).toEqual(need);
  });

  it('raises the derived set when the code starts calling a newer member (the check can fail)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kimeru-reqsets-'));
    try {
      const file = join(dir, 'newer.ts');
      await writeFile(
        file,
        [
          'export async function spill(): Promise<void> {',
          '  await Excel.run(async (context) => {',
          '    const range = context.workbook.worksheets.getItem("a").getRange("A1");',
          '    range.getSpillingToRangeOrNullObject();',
          '    range.getResizedRange(1, 0);',
          '    await context.sync();',
          '  });',
          '}',
          '',
        ].join('\n'),
        'utf8',
      );
      const uses = officeMembersUsed([file]);
      const unknown = uses.filter((u) => !(u.member in MEMBER_REQUIREMENTS)).map((u) => u.member);
      expect(unknown).toEqual(['Excel.Range.getSpillingToRangeOrNullObject']);
      expect(uses.find((u) => u.member === 'Excel.Range.getSpillingToRangeOrNullObject')?.typesSays).toBe(
        'ExcelApi 1.12',
      );
      expect(derived(uses, '')).toEqual({ ExcelApi: '1.2' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

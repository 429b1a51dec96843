import { createApi } from '../../../shared/commands';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, teamWorkbook } from '../commands/workbook-fixture';
import {
  callKey,
  missingSnapshotApi,
  snapshotApi,
  takeSnapshot,
} from '../../../office-addin/src/wide-snapshot';
import { readWideRequest } from '../../../ui/src/wide-request';

/*
 * The Excel dialog of a wide view answers from what the pane read when it opened: the same
 * answers for the calls the view makes first, and for anything else a sentence saying so —
 * never an empty list that would read as "nothing to do".
 */

describe('wide-view requests', () => {
  it('accept the three views with their fields and nothing else', () => {
    expect(readWideRequest({ view: 'actions', rep: '佐藤', asOf: '' })).toEqual({
      view: 'actions',
      rep: '佐藤',
      asOf: '',
    });
    expect(readWideRequest({ view: 'people', customerId: 'C001' })).toEqual({
      view: 'people',
      customerId: 'C001',
    });
    expect(readWideRequest({ view: 'versions', from: 1, to: 3 })).toEqual({
      view: 'versions',
      from: 1,
      to: 3,
    });
    for (const bad of [
      null,
      'actions',
      { view: 'setup' },
      { view: 'actions', rep: 3, asOf: '' },
      { view: 'people', customerId: '' },
      { view: 'versions', from: 0, to: 2 },
      { view: 'versions', from: 1.5, to: 2 },
    ])
      expect(readWideRequest(bad)).toBeNull();
  });
});

describe('the Excel wide-view snapshot', () => {
  function pane() {
    return createApi(new MemoryWorkbook(teamWorkbook()), clock, 'ja');
  }

  it('answers the view’s own call exactly as the pane’s API did, and refuses the rest in words', async () => {
    const api = pane();
    expect((await api.setup({})).ok).toBe(true);
    const request = { view: 'actions' as const, rep: '', asOf: '2026-11-29' };
    const snapshot = await takeSnapshot(api, request);
    const dialog = snapshotApi(JSON.parse(JSON.stringify(snapshot)) as typeof snapshot);

    expect(await dialog.getState()).toEqual(await api.getState());
    const asked = { rep: '', asOf: '2026-11-29' };
    expect(await dialog.getActions(asked)).toEqual(await api.getActions(asked));
    // Keys in another order are the same call.
    expect(await dialog.getActions({ asOf: '2026-11-29', rep: '' })).toEqual(await api.getActions(asked));

    const other = await dialog.getActions({ rep: '佐藤', asOf: '2026-11-29' });
    expect(other).toEqual({ ok: false, message: expect.stringContaining('作業ウィンドウ') });
    expect((await dialog.logActivity({} as never)).ok).toBe(false);
    expect(callKey('getCoverage', [{ customerId: 'C1' }])).not.toBe(
      callKey('getCoverage', [{ customerId: 'C2' }]),
    );
  });

  it('a version comparison carries the definition and that comparison', async () => {
    const api = pane();
    expect((await api.setup({})).ok).toBe(true);
    const snapshot = await takeSnapshot(api, { view: 'versions', from: 1, to: 1 });
    const dialog = snapshotApi(snapshot);
    expect(await dialog.getDefinition()).toEqual(await api.getDefinition());
    expect(await dialog.compareVersions(1, 1)).toEqual(await api.compareVersions(1, 1));
    expect((await dialog.compareVersions(1, 2)).ok).toBe(false);
  });

  it('without a snapshot every call says there is nothing to show, in the user’s language', async () => {
    const en = missingSnapshotApi('en');
    expect(await en.getState()).toEqual({
      ok: false,
      message: 'Nothing to show. Open it again from the task pane.',
    });
  });
});

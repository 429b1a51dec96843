import type { AppsscriptKey } from './messages';

/** Which sidebar tab a menu item opens (the UI reads it from `__KIMERU_INITIAL_TAB__`). */
export type SidebarTab = 'setup' | 'actions' | 'log' | 'people' | 'definition' | 'run';

/** The report commands a menu item runs directly, by their KimeruApi method. */
export type MenuCommand = 'runRanking' | 'runGapCheck' | 'runReview' | 'writeManual';

export interface MenuItem {
  /** The top-level function Sheets calls; a stub with this name is generated into Code.js. */
  handler: string;
  label: AppsscriptKey;
  action: { sidebar: SidebarTab } | { run: MenuCommand };
  /** Draw a separator above this item. */
  separator?: boolean;
}

/** The kimeru menu, in order. */
export const MENU: readonly MenuItem[] = [
  { handler: 'menuSetup', label: 'appsscript.menu.setup', action: { sidebar: 'setup' } },
  // What to act on comes first: the pane's やること tab, the view a rep opens the sheet for.
  {
    handler: 'menuActions',
    label: 'appsscript.menu.actions',
    action: { sidebar: 'actions' },
    separator: true,
  },
  { handler: 'menuLog', label: 'appsscript.menu.log', action: { sidebar: 'log' } },
  { handler: 'menuDefinition', label: 'appsscript.menu.definition', action: { sidebar: 'definition' } },
  { handler: 'menuRank', label: 'appsscript.menu.rank', action: { run: 'runRanking' }, separator: true },
  { handler: 'menuGaps', label: 'appsscript.menu.gaps', action: { run: 'runGapCheck' } },
  { handler: 'menuReview', label: 'appsscript.menu.review', action: { run: 'runReview' } },
  { handler: 'menuManual', label: 'appsscript.menu.manual', action: { run: 'writeManual' } },
];

/** Top-level functions other than custom functions, with their parameter names. */
export const ENTRY_POINTS: readonly { name: string; params: string[] }[] = [
  { name: 'onOpen', params: ['e'] },
  { name: 'onInstall', params: ['e'] },
  { name: 'kimeruCall', params: ['method', 'args'] },
  { name: 'kimeruOpenWide', params: ['request'] },
  ...MENU.map((m) => ({ name: m.handler, params: [] })),
];

import type { KimeruApi } from '../../shared/commands/api';
import type { WideRequest } from '../../ui/src/wide-request';

/**
 * What the playground page offers the task pane in its frame: one call into the KimeruApi of
 * the workbook the page shows now (the page swaps it when a file is opened).
 */
export interface PlaygroundHost {
  call(method: keyof KimeruApi, args: unknown[]): Promise<unknown>;
  /** Opens a view over the whole page (a frame of the same pane page). */
  openWide(request: WideRequest): void;
  /** Closes it. */
  closeWide(): void;
}

/** The global the page sets and the pane's bridge looks up in its parent window. */
export const HOST_GLOBAL = 'kimeruPlayground';

/** The methods of KimeruApi, checked by the compiler against the interface. */
export const API_METHODS = Object.keys({
  getState: true,
  setup: true,
  previewSetup: true,
  logActivity: true,
  getDefinition: true,
  previewDefinition: true,
  saveDefinition: true,
  runRanking: true,
  runGapCheck: true,
  runReview: true,
  writeManual: true,
  getActions: true,
  getCoverage: true,
  listVersions: true,
  showVersion: true,
  compareVersions: true,
  confirmItem: true,
  acknowledgeVersion: true,
} satisfies Record<keyof KimeruApi, true>) as (keyof KimeruApi)[];

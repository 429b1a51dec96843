import type { FakeRequestContext } from './context';

/** What the fake's proxy objects share: Excel's error, the queued action, load bookkeeping. */

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface Action {
  /** Changes the workbook (a load or a lookup does not). */
  write?: boolean;
  /** Bytes this action adds to the request (written arrays). */
  requestBytes: number;
  /** Runs the action; a returned thunk commits a load once the whole sync succeeded. */
  run(): { responseBytes: number; commit: () => void } | void;
}

const encoder = new TextEncoder();
/** Bytes of a value in a JSON request or response, as Excel counts it against its payload limit. */
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** A proxy object: loaded properties become readable after the sync that loaded them. */
export abstract class ProxyObject {
  protected readonly loaded = new Map<string, unknown>();
  private resolvedNull: boolean | undefined;

  constructor(readonly context: FakeRequestContext) {}

  protected read<T>(property: string): T {
    this.context.check();
    if (!this.loaded.has(property))
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(property) as T;
  }

  /** For *OrNullObject results: known after the next sync. */
  get isNullObject(): boolean {
    this.context.check();
    if (this.resolvedNull === undefined)
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        "The property 'isNullObject' is not available before context.sync().",
      );
    return this.resolvedNull;
  }

  protected setResolvedNull(isNull: boolean): void {
    this.resolvedNull = isNull;
  }
}

/** The properties a load names (all of them when none), refusing ones the object does not have. */
export function propertiesOf(spec: string | string[] | undefined, all: string[]): string[] {
  if (spec === undefined) return all;
  const list = (Array.isArray(spec) ? spec : spec.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  for (const p of list)
    if (!all.includes(p)) throw new FakeOfficeError('InvalidArgument', `Unknown property to load: ${p}`);
  return list;
}

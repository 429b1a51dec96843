import type { GasLock } from '../../../appsscript/src/gas';
import type { CallLog } from './calls';

/**
 * One lock's state, shared by every Lock object LockService hands out for it: one holder at a
 * time, as Apps Script's. Set `busy` to play another execution holding it.
 */
export class LockState {
  busy = false;
  holder: FakeLock | null = null;
  /** Milliseconds waited on the lock in total (the fake never sleeps: it counts the timeout). */
  waitedMs = 0;

  get held(): boolean {
    return this.holder !== null;
  }
}

/**
 * A Lock: tryLock returns false and waitLock throws Apps Script's exception when another holder
 * has it and does not let go within the timeout (nothing runs meanwhile in the fake, so the
 * whole timeout passes); taking it again when already held by this object is a no-op success.
 */
export class FakeLock implements GasLock {
  constructor(
    private readonly calls: CallLog,
    private readonly state: LockState,
    private readonly kind: 'Document' | 'Script',
  ) {}

  private take(timeoutInMillis: number): boolean {
    if (this.state.holder === this) return true;
    if (this.state.busy || this.state.holder !== null) {
      this.state.waitedMs += Math.max(0, timeoutInMillis);
      return false;
    }
    this.state.holder = this;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.calls.record(`${this.kind}Lock.tryLock`);
    return this.take(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    this.calls.record(`${this.kind}Lock.waitLock`);
    if (!this.take(timeoutInMillis))
      throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    this.calls.record(`${this.kind}Lock.hasLock`);
    return this.state.holder === this;
  }
  releaseLock(): void {
    this.calls.record(`${this.kind}Lock.releaseLock`);
    // Releasing a lock this object does not hold has no effect, as in Apps Script.
    if (this.state.holder === this) this.state.holder = null;
  }
}

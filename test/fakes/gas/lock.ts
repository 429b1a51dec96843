import type { GasLock } from '../../../appsscript/src/gas';
import type { CallLog } from './calls';

/** One lock's state. Set `busy` to play another rep holding it (tryLock then fails at once). */
export class LockState {
  busy = false;
  held = false;
}

export class FakeLock implements GasLock {
  constructor(
    private readonly calls: CallLog,
    private readonly state: LockState,
    private readonly kind: 'Document' | 'Script',
  ) {}
  tryLock(_timeoutInMillis: number): boolean {
    this.calls.record(`${this.kind}Lock.tryLock`);
    if (this.state.busy) return false;
    this.state.held = true;
    return true;
  }
  waitLock(_timeoutInMillis: number): void {
    this.calls.record(`${this.kind}Lock.waitLock`);
    if (this.state.busy)
      throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
    this.state.held = true;
  }
  hasLock(): boolean {
    this.calls.record(`${this.kind}Lock.hasLock`);
    return this.state.held;
  }
  releaseLock(): void {
    this.calls.record(`${this.kind}Lock.releaseLock`);
    this.state.held = false;
  }
}

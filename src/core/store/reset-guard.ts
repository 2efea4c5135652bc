// Refuses every read and write of a store found reset (its marker gone) until the operator acts.
import { StoreError } from '../errors.js';

/**
 * Keeps a store that came back empty from serving anything. Once its marker is found gone (by a
 * ledger script, the health check, or the check after every reconnection), every read and write is
 * refused until the operator restores the data and restarts: a reset Redis would otherwise publish
 * "0 actions" to a group and take new drives on top of the lost ones.
 */
export class ResetGuard {
  private reset = false;
  private verifying: Promise<void> | undefined;

  /** `markerHolds` reads the marker (true while it still holds its value); `onReset` is told once. */
  constructor(
    private readonly markerHolds: () => Promise<boolean>,
    private readonly onReset: () => void,
  ) {}

  get isReset(): boolean {
    return this.reset;
  }

  /** The marker is gone: from now on everything is refused. */
  markReset(): void {
    if (this.reset) return;
    this.reset = true;
    this.onReset();
  }

  /**
   * Checks the marker before anything else is served: called when the connection comes back, the
   * moment at which a restarted, empty Redis would first be seen. Calls made meanwhile wait for it.
   */
  verify(): void {
    const check = this.markerHolds().then(
      (holds) => {
        if (!holds) this.markReset();
      },
      // Unreachable again: the next reconnection checks again, and calls fail on their own meanwhile.
      () => undefined,
    );
    const current = check.finally(() => {
      if (this.verifying === current) this.verifying = undefined;
    });
    this.verifying = current;
  }

  /** Resolves when the store may be used; throws the "stopped" StoreError once it was reset. */
  async pass(): Promise<void> {
    if (this.verifying) await this.verifying;
    if (this.reset) throw new StoreError('the Redis store was reset (its marker is gone): it serves nothing until the operator restores it', { stopped: true });
  }

  /**
   * The same object, with each of `methods` passing the guard first (promise-returning methods and
   * async iterables alike); everything else is the target's own, bound to it.
   */
  wrap<T extends object>(target: T, methods: { promises: readonly string[]; iterables?: readonly string[] }): T {
    const promises = new Set(methods.promises);
    const iterables = new Set(methods.iterables ?? []);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy's handlers need the guard, not the target
    const guard = this;
    // Each guarded method wrapped once (every store call on the path of every command looks one up).
    const wrapped = new Map<string, { method: unknown; wrapper: unknown }>();
    return new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (promises.has(property)) {
          const known = wrapped.get(property);
          if (known?.method === method) return known.wrapper;
          const wrapper = async (...args: unknown[]) => {
            // No wait at all while nothing is being checked and the store was not reset.
            if (guard.verifying || guard.reset) await guard.pass();
            return method.apply(object, args);
          };
          wrapped.set(property, { method, wrapper });
          return wrapper;
        }
        if (iterables.has(property)) {
          return async function* (...args: unknown[]) {
            await guard.pass();
            yield* method.apply(object, args) as AsyncIterable<unknown>;
          };
        }
        return method.bind(object);
      },
    });
  }
}

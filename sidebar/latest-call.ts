// A debounced server call whose stale responses are dropped: only the newest request's answer is delivered.
import { call, type Args, type Method, type Result } from './client';

export interface LatestHandlers<K extends Method> {
  /** The request left the debounce and went to the server. */
  started?(): void;
  result(value: Result<K>): void;
  error(error: Error): void;
}

export interface LatestCall<K extends Method> {
  /** (Re)starts the debounce; `args` is read when the call is finally made, so it sees the newest draft. */
  schedule(args: () => Args<K>): void;
  /** Forgets the pending request and any answer in flight. */
  cancel(): void;
}

export function latestCall<K extends Method>(name: K, delayMs: number, handlers: LatestHandlers<K>): LatestCall<K> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const fire = (args: () => Args<K>): void => {
    timer = undefined;
    generation += 1;
    const mine = generation;
    handlers.started?.();
    let params: Args<K>;
    try {
      params = args();
    } catch (e) {
      handlers.error(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    call(name, ...params).then(
      (value) => {
        if (mine === generation) handlers.result(value);
      },
      (e: unknown) => {
        if (mine === generation) handlers.error(e instanceof Error ? e : new Error(String(e)));
      },
    );
  };
  return {
    schedule(args) {
      if (timer !== undefined) clearTimeout(timer);
      // A newer request is coming: whatever is in flight is already stale.
      generation += 1;
      timer = setTimeout(() => fire(args), delayMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      generation += 1;
    },
  };
}

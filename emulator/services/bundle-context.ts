// The bare vm context a built bundle runs in: only the Apps Script globals, the emulator clock, one-realm instanceof.
import vm from 'node:vm';

/** Builtins whose instances cross between the host (services, workbook) and the bundle. */
const BRIDGED = ['Object', 'Array', 'Date', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'RegExp', 'Map', 'Set', 'Promise'] as const;

/**
 * Runs inside the context. Apps Script has one realm; a vm context has its own builtins, so a host
 * Date (from getValues) is not `instanceof Date` in the bundle, nor a host Error `instanceof Error`.
 * Each bridged constructor also accepts instances of its host twin (only for itself, not for
 * subclasses declared by the bundle). `new Date()` and `Date.now()` read the emulator clock.
 */
const PRELUDE = `(function (host, names, now) {
  const RealDate = Date;
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
    },
    apply(target) {
      return new target(now()).toString();
    },
    get(target, key, receiver) {
      if (key === 'now') return () => now();
      return Reflect.get(target, key, receiver);
    },
  });
  const ordinary = Function.prototype[Symbol.hasInstance];
  for (const name of names) {
    const own = globalThis[name];
    const twin = host[name];
    Object.defineProperty(own, Symbol.hasInstance, {
      configurable: true,
      value: function (value) {
        return ordinary.call(this, value) || (this === own && ordinary.call(twin, value));
      },
    });
  }
})`;

/**
 * Runs inside the context after PRELUDE: the built-ins the bundle reads most, bound as script-level constants to the
 * very objects the global holds (Date is the clock-reading one above). A read of a global inside a vm context goes
 * through Node's interceptors, about 100 times slower than a lexical read; a script's `const` is found first by every
 * later script in the context, the bundle included. The bundle declares none of these names (a `var Math` there would
 * be a SyntaxError), and assigning one of them would throw instead of replacing the global: it assigns none.
 */
const FAST_BUILTINS = [
  'Object', 'Array', 'Math', 'JSON', 'String', 'Number', 'Boolean', 'Symbol', 'Reflect', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'RegExp', 'Error', 'TypeError', 'RangeError', 'Intl', 'Date', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
] as const;
const BIND_BUILTINS = `const ${FAST_BUILTINS.map((name) => `${name} = globalThis.${name}`).join(', ')};`;

export type BundleContext = vm.Context & Record<string, unknown>;

/**
 * A context holding the given globals and the standard JavaScript builtins of V8 (no require,
 * process, module, setTimeout: Apps Script has none of them).
 */
export function createBundleContext(globals: Record<string, unknown>, now: () => number): BundleContext {
  const context = vm.createContext({ ...globals }) as BundleContext;
  const host: Record<string, unknown> = {};
  for (const name of BRIDGED) host[name] = globalThis[name];
  const prelude = vm.runInContext(PRELUDE, context, { filename: 'emulator-prelude.js' }) as (
    host: Record<string, unknown>,
    names: readonly string[],
    now: () => number,
  ) => void;
  prelude(host, BRIDGED, now);
  vm.runInContext(BIND_BUILTINS, context, { filename: 'emulator-builtins.js' });
  return context;
}

/** Parses JSON with the context's own JSON, so the values belong to the bundle's realm. */
export function parseInContext(context: BundleContext, text: string): unknown {
  const parse = vm.runInContext('JSON.parse', context) as (text: string) => unknown;
  return parse(text);
}

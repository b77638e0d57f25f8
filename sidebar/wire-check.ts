// Compile-time check that every server function's arguments and result can cross google.script.run (the Json type).
import type { Json } from '../src/gas/api-types';
import type { ServerApi } from '../src/gas/server-api';

type JsonScalar = Extract<Json, string | number | boolean | null>;

/** The parts of T that are not JSON (never when T is JSON-serializable); optional fields may be undefined. */
export type NotJson<T> = T extends Json
  ? never
  : T extends JsonScalar | undefined
    ? never
    : T extends readonly (infer U)[]
      ? NotJson<U>
      : T extends (...args: never[]) => unknown
        ? T
        : T extends object
          ? { [K in keyof T]-?: NotJson<T[K]> }[keyof T]
          : T;

type AssertNever<T extends never> = T;

type ResultProblems = { [K in keyof ServerApi]: NotJson<ReturnType<ServerApi[K]>> }[keyof ServerApi];
type ArgumentProblems = { [K in keyof ServerApi]: NotJson<Parameters<ServerApi[K]>> }[keyof ServerApi];

// A compile error here names a server function result or argument that google.script.run cannot carry.
export type ResultsAreJson = AssertNever<ResultProblems>;
export type ArgumentsAreJson = AssertNever<ArgumentProblems>;

// The check itself is checked: a Date, a Map or a function must be caught.
// @ts-expect-error a Date is not JSON
export type DateIsCaught = AssertNever<NotJson<{ when: Date }>>;
// @ts-expect-error a Map is not JSON
export type MapIsCaught = AssertNever<NotJson<{ m: Map<string, number>[] }>>;
// @ts-expect-error a function is not JSON
export type FunctionIsCaught = AssertNever<NotJson<{ f: () => void }>>;

// readNumberText (read/number.ts) as SQL over a trimmed, lower-cased text with its white space mapped (patterns.ts).

import { num } from './dialect';
import * as P from './patterns';
import type { Sql } from './snippets';
import type { Col, Stages } from './stages';

interface Amount {
  value: Col;
  /** 1 when no suffix, else the suffix's multiplier. */
  multiplier: Col;
  /** TRUE when the amount has a suffix (`10` of `$10-50M` takes the high end's). */
  multiplied: Col;
}

/** readAmount of a text column: value NULL when it is no amount. */
function amountOf(st: Stages, q: Sql, t: Col): Amount {
  const x = t.ref;
  const last = q.re(x, P.AMOUNT_CURRENCY_LAST);
  const letters = q.re(x, P.AMOUNT_LETTERS);
  const part = (lastGroup: number, lettersGroup: number): string =>
    `CASE WHEN ${last} THEN ${q.extract(x, P.onlyGroup(P.AMOUNT_CURRENCY_LAST, lastGroup))} WHEN ${letters} THEN ${q.extract(x, P.onlyGroup(P.AMOUNT_LETTERS, lettersGroup))} END`;
  const sign = st.add([t], part(1, 1));
  const digits = st.add([t], part(2, 2));
  const suffix = st.add([t], `CASE WHEN ${last} THEN '' WHEN ${letters} THEN COALESCE(${q.extract(x, P.onlyGroup(P.AMOUNT_LETTERS, 3))}, '') END`);
  const multiplier = st.add(
    [suffix],
    `CASE ${suffix.ref} WHEN '' THEN ${num(1)} ${Object.entries(P.SUFFIX_VALUES).map(([s, v]) => `WHEN ${q.str(s)} THEN ${num(v)}`).join(' ')} END`,
  );
  const base = q.toNumber(`REPLACE(REPLACE(${digits.ref}, ',', ''), ' ', '')`);
  const value = st.add([sign, digits, multiplier], `(CASE WHEN ${sign.ref} = '-' THEN -${base} ELSE ${base} END) * ${multiplier.ref}`);
  const multiplied = st.add([suffix], `${suffix.ref} <> ''`);
  return { value, multiplier, multiplied };
}

/**
 * The most `%` layers a readable text can have: readNumber gives up on texts over 80 characters, and each layer takes
 * a `%` around a core of at least one digit.
 */
const MAX_PERCENT_LAYERS = 79;

/**
 * The text the engine's percent rule ends up reading, and how many times it divides by 100. The engine reads `N%` by
 * reading N again (trimmed, a trailing unit dropped, the `%` before a range separator dropped) and dividing by 100,
 * at any depth. That peeling has a closed form (patterns.ts PERCENT_LAYERS and STRAY_PERCENT): the layers are the
 * `%` signs at the end with their spaces and units, the rest is the core; the core's `%` signs before a range
 * separator go, one per layer, and a text with a `%` left is no number. Texts that are no percentage pass unchanged.
 */
function percentLayers(st: Stages, q: Sql, mapped: Col): { text: Col; layers: Col; isPercent: Col } {
  const t = mapped.ref;
  const isPercent = st.add([mapped], q.re(t, P.PERCENT_END));
  const layered = st.add([isPercent, mapped], `${isPercent.ref} AND ${q.re(t, P.PERCENT_LAYERS)}`);
  const core = st.add([layered, mapped], `CASE WHEN ${layered.ref} THEN ${q.extract(t, P.onlyGroup(P.PERCENT_LAYERS, 1))} END`);
  const tail = st.add([layered, mapped], `CASE WHEN ${layered.ref} THEN ${q.extract(t, P.onlyGroup(P.PERCENT_LAYERS, 2))} END`);
  const layers = st.add([tail], `LENGTH(${tail.ref}) - LENGTH(REPLACE(${tail.ref}, '%', ''))`);
  const c = core.ref;
  // No stray `%`, and no run of more `%` before a separator than there are layers to drop them.
  const dropped = `NOT ${q.re(c, P.STRAY_PERCENT)} AND STRPOS(REPLACE(REPLACE(${c}, ' ', ''), ${q.str('\t')}, ''), REPEAT('%', ${layers.ref} + 1)) = 0`;
  const text = st.add(
    [isPercent, core, layers, mapped],
    `CASE WHEN NOT ${isPercent.ref} THEN ${t} WHEN ${c} IS NOT NULL AND ${dropped} THEN TRIM(REPLACE(${c}, '%', ''), ${q.str(' \t')}) END`,
  );
  return { text, layers, isPercent };
}

/**
 * readNumberText of a trimmed, lower-cased text with its white space mapped: the percent layers are peeled first,
 * then the rules before the percent rule (plain, short amounts, scientific) and those after it (below, at least, one
 * amount, a range) run once, on the innermost text, so each amount is read once.
 */
export function numberOfMapped(st: Stages, q: Sql, mapped: Col): Col {
  const { text, layers, isPercent } = percentLayers(st, q, mapped);
  const l = text.ref;
  const unitless = st.add([text], `CASE WHEN ${q.re(l, P.BEFORE_UNIT)} THEN ${q.extract(l, P.BEFORE_UNIT)} ELSE ${l} END`);
  const u = unitless.ref;
  const short = (group: number): string => q.extract(l, P.onlyGroup(P.SHORT_AMOUNT, group));
  const shortMultiplier = `CASE ${short(2)} ${Object.entries(P.SHORT_SUFFIX_VALUES).map(([s, v]) => `WHEN ${q.str(s)} THEN ${num(v)}`).join(' ')} END`;
  const early = st.add(
    [text, unitless],
    `CASE WHEN ${q.re(l, P.PLAIN)} THEN ${q.toNumber(l)} WHEN ${q.re(l, P.SHORT_AMOUNT)} THEN ${q.toNumber(short(1))} * ${shortMultiplier}` +
      ` WHEN ${q.re(u, P.SCIENTIFIC)} THEN ${q.toNumber(u)} END`,
  );
  // Only texts that none of the early rules read go on (most amounts in exports are `1,200` or `$34.4M`): the
  // later, costlier patterns see NULL for the others.
  const inner = st.add([early, unitless], `CASE WHEN ${early.ref} IS NULL THEN ${u} END`);
  const x = inner.ref;
  // The text one amount is read from: after `under`, `over`..., before `+`, `or more`..., else the whole text.
  const amountText = st.add(
    [inner],
    `CASE WHEN ${q.re(x, P.BELOW)} THEN ${q.extract(x, P.BELOW)} WHEN ${q.re(x, P.AT_LEAST_BEFORE)} THEN ${q.extract(x, P.AT_LEAST_BEFORE)}` +
      ` WHEN ${q.re(x, P.AT_LEAST_AFTER)} THEN ${q.extract(x, P.AT_LEAST_AFTER)} ELSE ${x} END`,
  );
  const half = st.add([inner], q.re(x, P.BELOW));
  const ranged = st.add([inner], `NOT ${q.re(x, P.BELOW)} AND NOT ${q.re(x, P.AT_LEAST_BEFORE)} AND NOT ${q.re(x, P.AT_LEAST_AFTER)} AND ${q.re(x, P.RANGE)}`);
  const low = st.add([ranged, inner], `CASE WHEN ${ranged.ref} THEN ${q.extract(x, P.onlyGroup(P.RANGE, 1))} END`);
  const high = st.add([ranged, inner], `CASE WHEN ${ranged.ref} THEN ${q.extract(x, P.onlyGroup(P.RANGE, 2))} END`);
  const one = amountOf(st, q, amountText);
  const lowAmount = amountOf(st, q, low);
  const highAmount = amountOf(st, q, high);
  // `$10-50M` means 10M to 50M: the low end takes the high end's suffix when it has none.
  const lowValue = `CASE WHEN NOT ${lowAmount.multiplied.ref} AND ${highAmount.multiplied.ref} THEN ${lowAmount.value.ref} * ${highAmount.multiplier.ref} ELSE ${lowAmount.value.ref} END`;
  const late = st.add(
    [one.value, half, ranged, lowAmount.value, lowAmount.multiplied, highAmount.value, highAmount.multiplied, highAmount.multiplier],
    `CASE WHEN ${half.ref} THEN ${one.value.ref} / ${num(2)} WHEN ${one.value.ref} IS NOT NULL THEN ${one.value.ref}` +
      ` WHEN ${ranged.ref} THEN (${lowValue} + ${highAmount.value.ref}) / ${num(2)} END`,
  );
  const read = `COALESCE(${early.ref}, ${late.ref})`;
  // Each layer divides by 100 on the way out, one division after the other as the engine's recursion does (dividing
  // by 100^k at once rounds differently); dividing by 1 changes nothing.
  let divided = `(${read})`;
  for (let k = 1; k <= MAX_PERCENT_LAYERS; k++) divided += ` / IF(${layers.ref} >= ${k}, 1e2, 1e0)`;
  return st.add([early, late, layers, isPercent], `CASE WHEN ${isPercent.ref} THEN ${divided} ELSE ${read} END`);
}

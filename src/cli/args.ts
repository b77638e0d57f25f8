// A tiny command-line argument parser: long flags with or without values, -h, `--`, and strict errors.
import type { Writable } from 'node:stream';

/** A mistake in how the command was called; main prints it with a pointer to --help and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Flags a command accepts: name (without `--`) to whether it takes a value. */
export type FlagSpec = Readonly<Record<string, { value: boolean }>>;

export interface ParsedArgs {
  positionals: string[];
  /** Flag values by name; flags without a value are present as `true`. */
  flags: Map<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value`, `--switch`, `-h` (as `--help`) and positionals; `--` ends the flags and
 * a lone `-` is a positional (standard input). Unknown flags, missing values and repeated flags are errors
 * rather than silently ignored: a mistyped `--modle` must not score with the wrong model.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg === '-h') name = 'help';
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
    const def = spec[name];
    if (def === undefined) throw new UsageError(`unknown option --${name}`);
    if (flags.has(name)) throw new UsageError(`--${name} given more than once`);
    if (!def.value) {
      if (inline !== undefined) throw new UsageError(`--${name} does not take a value`);
      flags.set(name, true);
      continue;
    }
    if (inline !== undefined) {
      if (inline === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, inline);
      continue;
    }
    const next = argv[i + 1];
    // A following flag is not a value: `--model --out x` is a forgotten argument, not a model named "--out".
    // Nor is an empty argument (`--profile ""`, `--profile "$UNSET"`): it would quietly mean the default.
    // A negative number is a value, though (no flag starts with a digit): `--threads -1` is a bad count, not a missing one.
    if (next === undefined || next === '' || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) throw new UsageError(`--${name} needs a value`);
    flags.set(name, next);
    i++;
  }
  return { positionals, flags };
}

/**
 * `--locale de_DE`: the locale numbers written as text are read in (`1.234,5` in de, fr, es, pt_BR...; see the engine's
 * read/locale.ts). A Sheets locale (`de_DE`), BCP 47 (`de-DE`) or a language (`de`); undefined when absent (the US reading).
 */
export function localeFlag(args: ParsedArgs): string | undefined {
  const locale = flagValue(args, 'locale');
  if (locale !== undefined && !/^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$/.test(locale)) {
    throw new UsageError(`--locale needs a locale like de_DE, fr, pt_BR or en_US, not "${locale}"`);
  }
  return locale;
}

/** The string value of a flag, or undefined when absent. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** A command that takes exactly one file: its name, help text, and what its file is, for the usage errors. */
export interface OneFileCommand {
  name: string;
  usage: string;
  spec: FlagSpec;
  /** Ends `<name> needs ...` when the file is missing, e.g. `the model file to check`. */
  needs: string;
  /** Ends `<name> takes ...` when there are more positionals, e.g. `one CSV file`. */
  takes: string;
}

/** The command's flags and its one file; undefined when --help was asked for, after writing the usage to `stdout`. */
export function oneFileArgs(argv: readonly string[], command: OneFileCommand, stdout: Writable): { args: ParsedArgs; file: string } | undefined {
  const args = parseArgs(argv, command.spec);
  if (args.flags.has('help')) {
    stdout.write(command.usage);
    return undefined;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError(`${command.name} needs ${command.needs}`);
  if (extra.length > 0) throw new UsageError(`${command.name} takes ${command.takes}; unexpected: ${extra.join(' ')}`);
  return { args, file };
}

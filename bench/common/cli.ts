// Command-line parsing shared by the benches: the flags every one of them
// takes (where the report goes, --from, --quiet, --help), comma lists of
// known names, bounded integers, and the usage / --help prologue.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export type FlagValues = Record<string, string | boolean | undefined>;

/** The flags of a bench that runs systems × scenarios: --quick, --repeat N, --systems LIST, --scenario LIST (or --scenarios). */
export const RUN_FLAGS = {
  quick: { type: 'boolean' },
  repeat: { type: 'string' },
  systems: { type: 'string' },
  scenario: { type: 'string' },
  scenarios: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The flags of the report's outputs, of re-rendering a saved one, of progress and of help. */
export const OUTPUT_FLAGS = {
  out: { type: 'string' },
  json: { type: 'string' },
  plot: { type: 'string' },
  markdown: { type: 'string' },
  from: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export interface OutputOptions {
  json: string | undefined;
  plot: string | undefined;
  markdown: string | undefined;
  out: string | undefined;
  from: string | undefined;
  quiet: boolean;
  help: boolean;
}

/** Strict parsing, no positionals; any complaint of parseArgs becomes a UsageError. */
export function parseFlags(argv: string[], options: NonNullable<ParseArgsConfig['options']>): FlagValues {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values as FlagValues;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The values of OUTPUT_FLAGS. */
export function outputOptions(values: FlagValues): OutputOptions {
  const s = (k: string) => values[k] as string | undefined;
  return { json: s('json'), plot: s('plot'), markdown: s('markdown'), out: s('out'), from: s('from'), quiet: values.quiet === true, help: values.help === true };
}

/** A comma list of known names, each once, in the order given; `all` for every one where allowAll. */
export function nameList<T extends string>(flag: string, raw: string, known: readonly T[], allowAll = true): T[] {
  if (allowAll && raw === 'all') return [...known];
  const out: T[] = [];
  for (const x of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(known as readonly string[]).includes(x)) throw new UsageError(`--${flag}: unknown ${JSON.stringify(x)} (known: ${known.join(', ')})`);
    if (!out.includes(x as T)) out.push(x as T);
  }
  if (out.length === 0) throw new UsageError(`--${flag} is empty`);
  return out;
}

/** An integer min..max, or undefined where the flag is absent. */
export function intFlag(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${flag} must be an integer ${min}..${max}, got ${JSON.stringify(raw)}`);
  return n;
}

/** The --help lines of OUTPUT_FLAGS, for a bench that writes NAME.json, NAME.svg and NAME.md. */
export function outputHelp(name: string): string {
  return `  --out DIR            write ${name}.json, ${name}.svg and ${name}.md into DIR (default: a new
                       temporary directory, unless one of the next three is given)
  --json FILE          write the results as JSON
  --plot FILE.svg      write the plot
  --markdown FILE      write the tables and goals as markdown
  --from FILE          print a saved --json report again and write --plot/--markdown from it
  --quiet              no progress lines
  -h, --help           show this help
`;
}

/**
 * Parses argv; on a usage error prints it and returns 2, on --help prints
 * the help and returns 0; otherwise returns the options.
 */
export function cliOptions<O extends { help: boolean }>(bench: string, argv: string[], parse: (argv: string[]) => O, help: string): O | number {
  let opts: O;
  try {
    opts = parse(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bench ${bench}: ${err.message}\n(bench ${bench} --help lists the options)\n`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    process.stdout.write(help);
    return 0;
  }
  return opts;
}

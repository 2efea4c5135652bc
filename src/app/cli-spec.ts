// The operator CLI's conventions, written once: what a subcommand declares, how its arguments are
// checked, and what `--help` prints. Exit codes: 0 done, 1 it failed (one line on standard error),
// 2 it was asked wrongly (one line with the usage and where to read more).

/** `out` may answer false when its buffer is full (a slow pipe); `drained` then waits until it has room. */
export type Io = { out: (s: string) => boolean | void; err: (s: string) => void; env: Record<string, string | undefined>; drained?: () => Promise<void> };

/** One subcommand: a row of the table `actionbot --help` prints. */
export type Subcommand = {
  /** The words that name it: `report`, or two words for a group such as `appeals history`. */
  name: string;
  /** Its arguments as the usage line shows them: `APPEAL [--csv]`. */
  args: string;
  /** One line for the overview. */
  summary: string;
  /** What `--help` says under the usage line: what it does, what it prints, when it fails. */
  details: string;
  /** The flags it takes, besides `--help`. */
  flags?: readonly string[];
  /** How many words besides the flags: [at least, at most]. */
  arity: readonly [number, number];
  /** Returns the exit code; a thrown error is a failure (exit 1, its first line). */
  run(input: { args: string[]; flags: Set<string> }, io: Io): Promise<number>;
};

/** The command line was wrong (exit 2): the message says what, the hint how to ask instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function usageLine(command: Subcommand): string {
  return `actionbot ${command.name}${command.args ? ` ${command.args}` : ''}`;
}

/** The full help of one subcommand, for standard output. */
export function helpText(command: Subcommand): string {
  return `usage: ${usageLine(command)}\n\n${command.summary}\n\n${command.details.trim()}\n`;
}

/** The overview: every subcommand's usage and summary, aligned. */
export function overview(commands: readonly Subcommand[]): string {
  const usages = commands.map((c) => `${c.name}${c.args ? ` ${c.args}` : ''}`);
  const width = Math.max(...usages.map((u) => u.length)) + 2;
  const rows = commands.map((c, i) => `  ${usages[i]!.padEnd(width)}${c.summary}`);
  return `usage: actionbot <command> [arguments]\n\n${rows.join('\n')}\n\n\`actionbot <command> --help\` says more about each. Exit codes: 0 done, 1 failed, 2 wrong usage.\n`;
}

/** The subcommand the words name (the longest name wins), and the words after it. */
export function findSubcommand(commands: readonly Subcommand[], argv: string[]): { command: Subcommand; rest: string[] } | undefined {
  let found: { command: Subcommand; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!found || words.length > found.command.name.split(' ').length)) {
      found = { command, rest: argv.slice(words.length) };
    }
  }
  return found;
}

/** Splits words from flags and checks both against what the subcommand declares. */
export function parseArguments(command: Subcommand, rest: string[]): { args: string[]; flags: Set<string> } {
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  for (const flag of flags) {
    if (!(command.flags ?? []).includes(flag)) throw new UsageError(`unknown option ${flag.slice(0, 40)}`);
  }
  const [min, max] = command.arity;
  if (args.length < min) throw new UsageError(`missing ${command.args.split(' ').filter((w) => !w.startsWith('['))[args.length] ?? 'an argument'}`);
  if (args.length > max) throw new UsageError(`unexpected argument "${args[max]!.slice(0, 40)}"`);
  return { args, flags };
}

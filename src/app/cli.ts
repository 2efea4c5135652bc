// The operator CLI (`npx actionbot ...`): finds the subcommand, checks its arguments, answers
// `--help`, and turns what happened into an exit code (0 done, 1 failed, 2 wrong usage).
import { APPEALS_COMMANDS } from './cli-appeals.js';
import { OPERATOR_COMMANDS } from './cli-commands.js';
import { printpackCommand } from './cli-printpack.js';
import { loadEnvFile } from './env-file.js';
import { findSubcommand, helpText, overview, parseArguments, usageLine, UsageError, type Io, type Subcommand } from './cli-spec.js';

export type { Io, Subcommand } from './cli-spec.js';

/** Every subcommand; a group of them in a file of its own is one more spread here. */
export const SUBCOMMANDS: readonly Subcommand[] = [...OPERATOR_COMMANDS, printpackCommand, ...APPEALS_COMMANDS];

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  drained: () => new Promise((resolve) => process.stdout.once('drain', resolve)),
};

const HELP = new Set(['--help', '-h', 'help']);

/**
 * `actionbot report x --csv | head` closes the pipe early: that is the reader saying it has enough,
 * so the CLI ends quietly instead of printing an EPIPE stack.
 */
export function quietOnClosedPipe(stream: NodeJS.WritableStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}

/** The operator CLI; returns the exit code. */
export async function cli(argv: string[], io: Io = stdio, commands: readonly Subcommand[] = SUBCOMMANDS): Promise<number> {
  if (argv.length === 0 || (argv.length === 1 && HELP.has(argv[0]!))) {
    io.out(overview(commands));
    return 0;
  }
  const found = findSubcommand(commands, argv);
  if (!found) {
    io.err(`actionbot: unknown command "${argv[0]!.slice(0, 40)}"; \`actionbot --help\` lists them\n`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpText(command));
    return 0;
  }
  try {
    const input = parseArguments(command, rest);
    // Run from a shell (not handed an environment), `.env` in the current folder applies, as for npm start.
    if (io === stdio) loadEnvFile(process.env);
    return await command.run(input, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`actionbot ${command.name}: ${error.message}; usage: ${usageLine(command)} (more: actionbot ${command.name} --help)\n`);
      return 2;
    }
    // Our own errors and the subcommands' failures are written for the operator; anything else is
    // still one line (its first), not a stack.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`actionbot ${command.name}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

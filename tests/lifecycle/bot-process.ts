import { spawn, type ChildProcess } from 'node:child_process';
import { BOT_MAIN } from '../support/built-bot.js';
/** One helper for a free port, tests/support/ports.ts; kept importable from here. */
export { freePort } from '../support/ports.js';

/**
 * The bot in its own process: as an operator starts it (`npm start` in the project folder, whose
 * process is the one signalled), or the bare Node process below it (`node dist/main.js`, for
 * kill -9 of the bot itself).
 */
export class BotProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>, how: 'npm start' | 'node' = 'npm start') {
    const [command, args] = how === 'npm start' ? ['npm', ['start', '--silent']] : [process.execPath, [BOT_MAIN]];
    this.child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** The log messages (pino's `msg`) seen so far. */
  messages(): string[] {
    return this.lines.flatMap((line) => {
      try {
        return [String((JSON.parse(line) as { msg?: unknown }).msg)];
      } catch {
        return [line];
      }
    });
  }

  async until(message: RegExp, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.messages().some((m) => message.test(m))) {
      if (Date.now() > deadline) throw new Error(`no log line matching ${message}; seen:\n${this.lines.join('\n')}`);
      if (this.child.exitCode !== null) throw new Error(`the bot exited ${this.child.exitCode}:\n${this.lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Signals the process started (with `npm start`, npm's, not the bot's below it: what a supervisor does). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Exit code within `ms`, or undefined if it still runs. */
  async exitWithin(ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([this.exited, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
    clearTimeout(timer);
    return result;
  }
}

import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderForTerminal } from '../adapters/shell/render.js';
import { BUNDLED_APPEALS, createApp } from './app.js';
import { APPEALS_USAGE, appealsCli } from './cli-appeals.js';
import { importPreview } from '../commands/import.js';
import { tallyText } from '../commands/shared.js';
import { parseConfig } from './config.js';
import { parseAppealFile } from '../core/appeals.js';
import { ActionbotError } from '../core/errors.js';
import { describeFileError } from '../core/file-problem.js';
import { actionsCsvChunks } from '../core/export/csv-stream.js';
import { translator } from '../core/i18n/index.js';
import { importUrgentAction } from '../core/importer/index.js';
import { privateReply, type Block } from '../core/reply.js';
import { backupTo, quickCheck, sqlitePath } from '../core/store/sqlite-admin.js';
import { openStore } from '../core/store.js';

const USAGE = `usage: actionbot <command>
  start                          run the bot (every platform whose token is set; the terminal otherwise)
  import FILE [--json] [--save]  read an Urgent Action text; --json prints the appeal, --save writes appeals/<id>.json
  validate FILE                  check an appeal file (JSON or YAML)
  report APPEAL [--csv]          the tally of an appeal, or every action as CSV (streamed, in time order on SQLite)
  check                          check the store: SQLite's full PRAGMA quick_check, or Redis' health
  backup FILE                    an online copy of the SQLite store into FILE (safe while the bot runs)
  slack-manifest URL [--socket]  the Slack app manifest for a bot served at URL (paste it at api.slack.com/apps)
${APPEALS_USAGE}`;

/** `out` may answer false when its buffer is full (a slow pipe); `drained` then waits until it has room. */
type Io = { out: (s: string) => boolean | void; err: (s: string) => void; env: Record<string, string | undefined>; drained?: () => Promise<void> };

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  drained: () => new Promise((resolve) => process.stdout.once('drain', resolve)),
};

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
export async function cli(args: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = args;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const [target] = rest.filter((a) => !a.startsWith('--'));
  try {
    switch (command) {
      case 'start': {
        // Loaded only to run the bot: the other commands start smaller without the adapters (16 MB less).
        const { main } = await import('./main.js');
        await main(io.env);
        // On platforms the bot keeps running; the exit code matters only when it stops.
        return 0;
      }
      case 'import':
        return await importFile(target, flags, io);
      case 'validate':
        return await validateFile(target, io);
      case 'report':
        return await report(target, flags, io);
      case 'check':
        return await checkStore(io);
      case 'backup':
        return await backupStore(target, io);
      case 'appeals':
        return await appealsCli(rest, io);
      case 'slack-manifest': {
        const problem = manifestUrlProblem(target);
        if (problem) {
          io.err(`actionbot slack-manifest: ${problem}\nusage: actionbot slack-manifest https://your-host.example.org [--socket]\n`);
          return 2;
        }
        const { slackManifestYaml } = await import('../adapters/slack/manifest.js');
        io.out(slackManifestYaml({ url: target!.replace(/\/$/, ''), socketMode: flags.has('--socket') }));
        return 0;
      }
      default:
        io.err(`${USAGE}\n`);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (error) {
    io.err(`actionbot ${command}: ${error instanceof ActionbotError ? error.message : (error as Error).message}\n`);
    return 1;
  }
}

/** Slack sends events only to https, and appends `/slack/events` to the URL: no query or fragment. */
export function manifestUrlProblem(target: string | undefined): string | undefined {
  if (!target) return 'give the public https URL the bot is served at';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `"${target.slice(0, 100)}" is not a URL`;
  }
  if (url.protocol !== 'https:') return `Slack sends events only to https URLs, not ${url.protocol}`;
  if (url.search || url.hash || target.includes('?') || target.includes('#')) return 'the URL must not have a query or fragment: /slack/events is appended to it';
  if (url.username || url.password) return 'the URL must not carry a user name or password';
  return undefined;
}

async function readText(path: string | undefined, io: Io, command: string): Promise<string | undefined> {
  if (!path) {
    io.err(`${USAGE}\n`);
    return undefined;
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    io.err(`actionbot ${command}: ${describeFileError(error, path)}\n`);
    return undefined;
  }
}

async function importFile(path: string | undefined, flags: Set<string>, io: Io): Promise<number> {
  const text = await readText(path, io, 'import');
  if (text === undefined) return 1;
  const result = importUrgentAction(text, { source: path });
  if (!result.ok) {
    io.err(`${result.message}\n`);
    return 1;
  }
  if (flags.has('--json')) {
    // The JSON carries the warnings; standard error says them once for a reader.
    for (const warning of result.warnings) io.err(`warning: ${warning.message}\n`);
    io.out(`${JSON.stringify({ ...result.appeal, warnings: result.warnings }, null, 2)}\n`);
  } else {
    io.out(`${previewText(importPreview(translator('en'), result.appeal, result.warnings))}\n`);
  }
  if (flags.has('--save')) {
    const dir = io.env.APPEALS_DIR ?? 'appeals';
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${result.appeal.id}.json`);
    await writeFile(file, `${JSON.stringify(result.appeal, null, 2)}\n`);
    io.err(`saved ${file}\n`);
  }
  return 0;
}

/** The preview as plain lines: no "only you sees this" header, which belongs to chat. */
function previewText(blocks: Block[]): string {
  return renderForTerminal(privateReply(blocks), 'you', 1).split('\n').slice(1).join('\n');
}

async function validateFile(path: string | undefined, io: Io): Promise<number> {
  const text = await readText(path, io, 'validate');
  if (text === undefined) return 1;
  const result = parseAppealFile(path!, text);
  if ('problem' in result) {
    io.err(`${result.problem.path}: ${result.problem.message}\n`);
    return 1;
  }
  io.out(`${path}: ${result.appeal.reference} "${result.appeal.title}" is valid (${result.appeal.targets.length} target(s), deadline ${result.appeal.deadline ?? 'none'}).\n`);
  return 0;
}

async function report(appealId: string | undefined, flags: Set<string>, io: Io): Promise<number> {
  if (!appealId) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const config = parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...io.env });
  const app = await createApp(config);
  try {
    if (!(await app.deps.appeals.get(appealId))) {
      const known = (await app.deps.appeals.list()).map((a) => a.id).join(', ') || 'none';
      io.err(`actionbot report: there is no appeal "${appealId.slice(0, 100)}". Known appeals: ${known}.\n`);
      return 1;
    }
    if (flags.has('--csv')) {
      // Written page by page as the ledger reads them: memory does not grow with the appeal.
      for await (const chunk of actionsCsvChunks(app.deps.ledger.exportRows(appealId))) {
        if (io.out(chunk) === false) await io.drained?.();
      }
    } else {
      const tally = await app.deps.ledger.tally(appealId);
      const t = translator('en');
      io.out(`${appealId}: ${tallyText(t, tally)}\n`);
      for (const [method, n] of Object.entries(tally.byMethod)) io.out(`  ${method}: ${n}\n`);
      for (const [platform, n] of Object.entries(tally.byPlatform)) io.out(`  ${platform}: ${n}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

async function checkStore(io: Io): Promise<number> {
  const { storeUrl } = parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...io.env });
  const path = sqlitePath(storeUrl);
  if (path === undefined) {
    const store = await openStore(storeUrl);
    try {
      const health = await store.health();
      if (health.ok) io.out('Redis store: ok\n');
      else io.err(`Redis store: ${health.reason}\n`);
      return health.ok ? 0 : 1;
    } finally {
      await store.close();
    }
  }
  const findings = quickCheck(path);
  if (findings.length === 1 && findings[0] === 'ok') {
    io.out(`${path}: ok (PRAGMA quick_check)\n`);
    return 0;
  }
  io.err(`${path} is damaged; restore the latest backup (README, "Restoring the store"). SQLite found:\n`);
  for (const finding of findings.slice(0, 20)) io.err(`  ${finding}\n`);
  return 1;
}

async function backupStore(destination: string | undefined, io: Io): Promise<number> {
  if (!destination) {
    io.err('usage: actionbot backup FILE\n');
    return 2;
  }
  const { storeUrl } = parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...io.env });
  const path = sqlitePath(storeUrl);
  if (path === undefined) {
    io.err('actionbot backup copies the SQLite store; back Redis up with its own persistence (README, "Restoring the store")\n');
    return 2;
  }
  const { pages } = await backupTo(path, destination);
  io.out(`${path} copied to ${destination} (${pages} pages)\n`);
  return 0;
}

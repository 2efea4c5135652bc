// The operator's subcommands (`actionbot import`, `report`, `check`, ...): a table, so that a new
// one is a row here or in a file of its own listed in cli.ts.
import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderForTerminal } from '../adapters/shell/render.js';
import { BUNDLED_APPEALS, createApp } from './app.js';
import { importPreview } from '../commands/import.js';
import { tallyText } from '../commands/shared.js';
import { parseConfig } from './config.js';
import { asksForLettersAgain } from '../core/appeal.js';
import { parseAppealFile } from '../core/appeals.js';
import { describeFileError } from '../core/file-problem.js';
import { actionsCsvChunks, ofAppeal } from '../core/export/csv-stream.js';
import { appealTally } from '../core/campaign.js';
import { roundKeys, roundsOf } from '../core/drive.js';
import { translator } from '../core/i18n/index.js';
import { importUrgentAction } from '../core/importer/index.js';
import { privateReply, type Block } from '../core/reply.js';
import { backupTo, quickCheck, sqlitePath } from '../core/store/sqlite-admin.js';
import { openStore } from '../core/store.js';
import { UsageError, type Io, type Subcommand } from './cli-spec.js';

/** A failure said in one line (exit 1). */
class Failure extends Error {}

const configOf = (io: Io) => parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...io.env });

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Failure(describeFileError(error, path));
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

/** The preview as plain lines: no "only you sees this" header, which belongs to chat. */
function previewText(blocks: Block[]): string {
  return renderForTerminal(privateReply(blocks), 'you', 1).split('\n').slice(1).join('\n');
}

const start: Subcommand = {
  name: 'start',
  args: '',
  summary: 'run the bot: every platform whose token is set, the terminal otherwise',
  details: 'The same as `npm start`. Configuration comes from the environment and from `.env` in the current folder when there is one (docs/configuration.md).',
  arity: [0, 0],
  run: async (_input, io) => {
    // Loaded only to run the bot: the other commands start smaller without the adapters.
    const { main } = await import('./main.js');
    await main(io.env);
    // On platforms the bot keeps running; the exit code matters only when it stops.
    return 0;
  },
};

const importCommand: Subcommand = {
  name: 'import',
  args: 'FILE [--json] [--save]',
  summary: 'read an Urgent Action text and preview the appeal',
  details: `--json prints the appeal as JSON (warnings on standard error), --save writes it to APPEALS_DIR/<id>.json (default appeals/).
Fails (exit 1) when the file cannot be read or shows no appeal at all.`,
  flags: ['--json', '--save'],
  arity: [1, 1],
  run: async ({ args: [path], flags }, io) => {
    const result = importUrgentAction(await readText(path!), { source: path });
    if (!result.ok) throw new Failure(result.message);
    if (flags.has('--json')) {
      // The JSON carries the warnings; standard error says them once for a reader.
      for (const warning of result.warnings) io.err(`warning: ${warning.message}\n`);
      io.out(`${JSON.stringify({ ...result.appeal, warnings: result.warnings, kind: result.kind, sources: result.sources }, null, 2)}\n`);
    } else {
      io.out(`${previewText(importPreview(translator('en'), result.appeal, result.warnings, result.sources))}\n`);
    }
    if (flags.has('--save')) {
      // News of an appeal never becomes a live appeal file; an update that asks for letters again (a "Second UA", its
      // own officials, addresses and letter) does, as /import saves it in chat.
      const secondRound = result.kind === 'update' && asksForLettersAgain(result.appeal);
      if (result.kind !== 'appeal' && !secondRound) throw new Failure(`not saved: this text is ${NEWS_KIND[result.kind]}${result.appeal.number === undefined ? '' : ` of ${result.appeal.reference}`}, not a new appeal`);
      if (secondRound) io.err(`this text is an update of ${result.appeal.reference} that asks for letters again: saved as the appeal, with its officials, addresses and letter\n`);
      const dir = io.env.APPEALS_DIR ?? 'appeals';
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${result.appeal.id}.json`);
      await writeFile(file, `${JSON.stringify(result.appeal, null, 2)}\n`);
      io.err(`saved ${file}\n`);
    }
    return 0;
  },
};

const NEWS_KIND = { update: 'an update', closure: 'a closure notice', 'good-news': 'good news' } as const;

const validate: Subcommand = {
  name: 'validate',
  args: 'FILE',
  summary: 'check an appeal file (JSON or YAML)',
  details: 'Prints one line when the file is a valid appeal; fails (exit 1) with the field that is wrong otherwise.',
  arity: [1, 1],
  run: async ({ args: [path] }, io) => {
    const result = parseAppealFile(path!, await readText(path!));
    if ('problem' in result) throw new Failure(`${result.problem.path}: ${result.problem.message}`);
    io.out(`${path}: ${result.appeal.reference} "${result.appeal.title}" is valid (${result.appeal.targets.length} target(s), deadline ${result.appeal.deadline ?? 'none'}).\n`);
    return 0;
  },
};

const report: Subcommand = {
  name: 'report',
  args: 'APPEAL [--csv]',
  summary: 'the tally of an appeal, or every action as CSV',
  details: `--csv streams every action (time, space, platform, method, member key) page by page: its memory does
not grow with the appeal. On SQLite the rows come in time order; on Redis in hash order.
Fails (exit 1) when the store has no such appeal, naming the ones it has.`,
  flags: ['--csv'],
  arity: [1, 1],
  run: async ({ args: [appealId], flags }, io) => {
    const app = await createApp(configOf(io));
    try {
      if (!(await app.deps.appeals.get(appealId!))) {
        const known = (await app.deps.appeals.list()).map((a) => a.id).join(', ') || 'none';
        throw new Failure(`there is no appeal "${appealId!.slice(0, 100)}". Known appeals: ${known}.`);
      }
      // Every round an update opened in any drive: each round's rows and count, and their sum.
      const rounds = roundsOf(await app.deps.drives.all(), appealId!);
      if (flags.has('--csv')) {
        // Written page by page as the ledger reads them: memory does not grow with the appeal.
        const rows = async function* () {
          for (const [i, key] of roundKeys(appealId!, rounds).entries()) yield* ofAppeal(app.deps.ledger.exportRows(key), appealId!, i + 1);
        };
        for await (const chunk of actionsCsvChunks(rows())) {
          if (io.out(chunk) === false) await io.drained?.();
        }
        return 0;
      }
      const { tally, rounds: each } = await appealTally(app.deps.ledger, appealId!, rounds);
      io.out(`${appealId}: ${tallyText(translator('en'), tally)}\n`);
      if (each.length > 1) for (const r of each) io.out(`  round ${r.round}: ${r.tally.actions}\n`);
      for (const [method, n] of Object.entries(tally.byMethod)) io.out(`  ${method}: ${n}\n`);
      for (const [platform, n] of Object.entries(tally.byPlatform)) io.out(`  ${platform}: ${n}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};

const check: Subcommand = {
  name: 'check',
  args: '',
  summary: "check the store: SQLite's full PRAGMA quick_check, or Redis' health",
  details: `Reads the whole SQLite file, so it takes a while on a large store; safe while the bot runs.
Fails (exit 1) when the store is damaged or does not answer; SQLite's findings follow on standard output.`,
  arity: [0, 0],
  run: async (_input, io) => {
    const { storeUrl } = configOf(io);
    const path = sqlitePath(storeUrl);
    if (path === undefined) {
      const store = await openStore(storeUrl);
      try {
        const health = await store.health();
        if (!health.ok) throw new Failure(`Redis store: ${health.detail ?? health.reason}`);
        io.out('Redis store: ok\n');
        return 0;
      } finally {
        await store.close();
      }
    }
    // Not "damaged": a mistyped DATA_DIR or STORE_URL must not send the operator to their backups.
    if (!(await stat(path).then((st) => st.isFile(), () => false))) throw new Failure(`no store at ${path}: check DATA_DIR or STORE_URL`);
    const findings = quickCheck(path);
    if (findings.length === 1 && findings[0] === 'ok') {
      io.out(`${path}: ok (PRAGMA quick_check)\n`);
      return 0;
    }
    for (const finding of findings.slice(0, 20)) io.out(`  ${finding}\n`);
    throw new Failure(`${path} is damaged (SQLite's findings above); restore the latest backup (docs/store.md, "Restoring the store")`);
  },
};

const backup: Subcommand = {
  name: 'backup',
  args: 'FILE',
  summary: 'an online copy of the SQLite store into FILE (safe while the bot runs)',
  details: `Uses SQLite's online backup API, consistent while the bot writes. Creates FILE's folder when missing;
never overwrites (exit 1 when FILE exists). A Redis store is backed up with Redis' own persistence.`,
  arity: [1, 1],
  run: async ({ args: [destination] }, io) => {
    const path = sqlitePath(configOf(io).storeUrl);
    if (path === undefined) throw new Failure('backup copies the SQLite store; back Redis up with its own persistence (docs/operations.md, "Backups and restore")');
    await mkdir(dirname(destination!), { recursive: true });
    const { pages } = await backupTo(path, destination!);
    io.out(`${path} copied to ${destination} (${pages} pages)\n`);
    return 0;
  },
};

const slackManifest: Subcommand = {
  name: 'slack-manifest',
  args: 'URL [--socket]',
  summary: 'the Slack app manifest for a bot served at URL (paste it at api.slack.com/apps)',
  details: `URL is the public https address of the bot, without query or fragment; /slack/events is appended.
--socket writes a Socket Mode manifest instead (no request URL; set SLACK_APP_TOKEN).`,
  flags: ['--socket'],
  arity: [1, 1],
  run: async ({ args: [target], flags }, io) => {
    const problem = manifestUrlProblem(target);
    if (problem) throw new UsageError(problem);
    const { slackManifestYaml } = await import('../adapters/slack/manifest.js');
    io.out(slackManifestYaml({ url: target!.replace(/\/$/, ''), socketMode: flags.has('--socket') }));
    return 0;
  },
};

/** The operator's subcommands, in the order `actionbot --help` lists them. */
export const OPERATOR_COMMANDS: readonly Subcommand[] = [start, importCommand, validate, report, check, backup, slackManifest];

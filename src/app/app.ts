// Builds the app from its configuration: appeals, the member-key secret, the store and the core
// services commands use.
import { existsSync } from 'node:fs';
import { ImportRunner } from '../core/import-worker/runner.js';
import { PrintPackRunner } from '../core/kit/printpack-runner.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppealCatalog, loadAppealFiles, type AppealProblem } from '../core/appeals.js';
import { loadCampaignFiles } from '../core/campaign.js';
import { DriveService } from '../core/drives.js';
import { exportLinkKey, exportTokens, type ExportTokens } from '../core/export/link.js';
import { MemberReminderStore } from '../core/reminders/member-reminders.js';
import { ProfileStore } from '../core/profiles.js';
import { checkSecretAgainstStore, loadSecret, memberKeyer } from '../core/member-key.js';
import { Followers, idSealer } from '../core/news/followers.js';
import { NewsLog } from '../core/news/log.js';
import { SharedPacer } from '../core/news/pacer.js';
import { sweepRetention, type RetentionDeps } from '../core/retention.js';
import { KeyvShortLived } from '../core/short-lived.js';
import { openStore, type Store } from '../core/store.js';
import { systemClock, type Clock } from '../core/time.js';
import type { Deps } from '../commands/index.js';
import type { Config } from './config.js';
import { pngRenderer } from '../web/png.js';

/**
 * The appeals shipped with actionbot, used when APPEALS_DIR is not set: the nearest `appeals/` above
 * this file, which sits at a different depth in src/app/ than in the dist/ bundle.
 */
export const BUNDLED_APPEALS = findUp(dirname(fileURLToPath(import.meta.url)), 'appeals');

function findUp(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return join(from, '..', name);
  }
}

export type App = {
  deps: Deps;
  store: Store;
  problems: AppealProblem[];
  /** The whole appeal catalog, shared and communities' (the operator's tools: the CLI, the start-up check). */
  catalog: AppealCatalog;
  /** Signs and checks export links with a key derived from the member-key secret (mounted with the web server). */
  exportTokens: ExportTokens;
  /** Said once at start: a member-key secret shorter than recommended, kept because the store uses it. */
  secretWarning?: string;
  /** The importer's worker thread (`deps.importText` reads through it). */
  importer: ImportRunner;
  /** The print packs' worker thread (`deps.printPack` makes them through it). */
  printPacks: PrintPackRunner;
  close(): Promise<void>;
};

/** Store, appeals and core services: everything the adapters share. */
export async function createApp(config: Pick<Config, 'storeUrl' | 'dataDir' | 'appealsDir' | 'memberKeySecret' | 'memberKeySecretFile' | 'moderatorIds' | 'defaultTimezone'> & { retentionDays?: number; followKeepDays?: number },
  options: { clock?: Clock; storePrefix?: string; logger?: { error(context: object, message: string): void }; onStoreFault?: (line: string) => void; closeBoundMs?: number; syncWal?: () => Promise<void> } = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const { appeals, problems } = await loadAppealFiles(config.appealsDir);
  // Campaign files sit beside the appeals (`campaigns/`); a bad one is reported like a bad appeal file.
  const { campaigns, problems: campaignProblems } = await loadCampaignFiles(config.appealsDir);
  problems.push(...campaignProblems);
  const loaded = await loadSecret({ dataDir: config.dataDir, configured: config.memberKeySecret, file: config.memberKeySecretFile });
  // A store found damaged or reset while running: one line for the operator (stderr by default).
  const onFault = options.onStoreFault ?? (options.logger ? (line: string) => options.logger!.error({}, line) : (line: string) => void process.stderr.write(`actionbot: ${line}\n`));
  const store = await openStore(config.storeUrl, { prefix: options.storePrefix, onFault, closeBoundMs: options.closeBoundMs, syncWal: options.syncWal, clock });
  let secretWarning: string | undefined;
  try {
    secretWarning = await checkSecretAgainstStore(store.kv, loaded, () => store.drives.any());
  } catch (error) {
    await store.close();
    throw error;
  }
  const secret = loaded.secret;
  const profiles = new ProfileStore(store.profiles);
  const memberReminders = new MemberReminderStore(store.memberReminders);
  const drives = new DriveService(store.drives, store.mutex, clock, config.defaultTimezone);
  // A drive that ends, or whose deadline moves before a member's reminder, deletes that reminder's platform id.
  drives.onChange(async (drive) => {
    if ((await memberReminders.prune(drive, clock.now())) > 0) await store.scrub();
  });
  const outbox = store.outbox;
  const memberKey = memberKeyer(secret);
  const followers = new Followers(store.followers, idSealer(memberKey), config.followKeepDays);
  // Urgent Action texts are read in a worker thread, off the loop that answers every member.
  const importer = new ImportRunner();
  // Print packs are made in a thread of their own too: a campaign's pack takes seconds of CPU.
  const printPacks = new PrintPackRunner();
  const catalog = new AppealCatalog(store.kv, appeals, { scopes: store.appealScopes, saved: store.savedAppeals });
  const deps: Deps = {
    appeals: catalog,
    drives,
    ledger: store.ledger,
    tallyBook: store.tallyBook,
    campaigns,
    claims: store.claims,
    // resvg loads on the first chart drawn, not here.
    renderPng: pngRenderer(),
    memberKey,
    profiles,
    clock,
    moderatorIds: config.moderatorIds,
    memberReminders,
    followers,
    newsLog: new NewsLog(store.newsLog),
    // Paced on the real clock whatever clock the app keeps (a test's fake one does not move while a slot is awaited).
    pacer: new SharedPacer(store.claims, () => systemClock.now().getTime(), (ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    forgetters: [
      (member) => profiles.delete(member),
      (member) => memberReminders.forget(member),
      (member) => outbox.forget(member),
      (member) => store.tallyBook.forgetModerator(member),
      (member) => followers.store.forget(member),
    ],
    outbox,
    shortLived: new KeyvShortLived(store.kv, clock),
    mutex: store.mutex,
    onEvents: [],
    scrub: () => store.scrub(),
    importText: (text) => importer.run(text),
    printPack: (input) => printPacks.run(input),
    ...(config.retentionDays !== undefined ? { retentionDays: config.retentionDays } : {}),
  };
  const retention = config.retentionDays !== undefined ? retentionSweeper({ ...deps, retentionDays: config.retentionDays }, options.logger) : undefined;
  // Followers past their expiry go, and their sealed ids leave the files.
  const sweepFollowers = () => void followers.store.purge(clock.now()).then((n) => (n > 0 ? store.scrub() : undefined)).catch((error: unknown) => options.logger?.error({ err: error }, 'followers sweep failed'));
  sweepFollowers();
  const followerSweep = setInterval(sweepFollowers, SWEEP_EVERY_MS).unref();
  const close = async () => {
    clearInterval(followerSweep);
    await retention?.stop();
    await importer.close();
    await printPacks.close();
    await store.close();
  };
  return { deps, store, problems, catalog, secretWarning, importer, printPacks, close, exportTokens: exportTokens(exportLinkKey(secret), clock) };
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Runs the retention sweep now and hourly; `stop` waits for a sweep in progress. */
function retentionSweeper(deps: RetentionDeps, logger?: { error(context: object, message: string): void }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => sweepRetention(deps)).catch((error: unknown) => logger?.error({ err: error }, 'retention sweep failed'));
  };
  run();
  const timer = setInterval(run, SWEEP_EVERY_MS).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

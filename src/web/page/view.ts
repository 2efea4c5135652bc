// What a drive page shows, read from counters only: the drive, its cases, its tally and series.
import type { Appeal } from '../../core/appeal.js';
import type { AppealBook, AppealViewer } from '../../core/appeal-view.js';
import { driveSeries, driveTally } from '../../core/campaign.js';
import { driveChartSvg } from '../../core/chart/drive-chart.js';
import type { SeriesPoint } from '../../core/chart/series.js';
import type { Drive } from '../../core/drive.js';
import type { DriveService } from '../../core/drives.js';
import { pickLocale, translator, type Locale, type Translate } from '../../core/i18n/index.js';
import type { Tally } from '../../core/ledger/ledger.js';
import type { NewsItem } from '../../core/news/item.js';
import type { NewsLog } from '../../core/news/log.js';
import type { TallyBook } from '../../core/tally-book.js';
import { communityOf } from '../../core/walls.js';
import type { Clock } from '../../core/time.js';
import { percentOf } from '../../commands/shared.js';

/** What the page reads: counters only (the tally and the hourly series), never the actions. */
export interface PageSource {
  drives: Pick<DriveService, 'byPage'>;
  /** The appeals as a drive's community reads them (its own copies standing in, the walls kept). */
  appeals: { viewFor(viewer: AppealViewer): Pick<AppealBook, 'getWithOwnCopy'> };
  ledger: { tally(appealId: string): Promise<Tally>; series(appealId: string, space?: string): Promise<SeriesPoint[]> };
  /** Table counts (sums only: a page never shows an entry's note). Without it, none are shown. */
  tallyBook?: Pick<TallyBook, 'totals'>;
  clock: Clock;
  /** The appeal's news, when the bot keeps it (/news post). */
  newsLog?: Pick<NewsLog, 'forSpace'>;
}

/** One case of the drive as its page shows it. */
export type PageCase = {
  number: number;
  appealId: string;
  title: string;
  /** Members' actions on this case in this drive's space. */
  actions: number;
  /** Letters entered by moderators for this case at event tables. */
  table: number;
  goal: number | null;
};

/** One round of a case (an update reopened it): this drive's space's actions in it. */
export type PageRound = { label: string; round: number; actions: number; current: boolean };

/** Everything one drive page shows, read at one instant. */
export type PageView = {
  pageId: string;
  drive: Drive;
  /** The first case's appeal (the drive's only one, unless a campaign). */
  appeal: Appeal;
  /** The page's heading: a campaign's title, or the appeal's. */
  title: string;
  /** The drive's appeals' tally across every group and platform (summed over a campaign's cases). */
  tally: Tally;
  /** Each case, in order; a one-appeal drive has one. */
  cases: PageCase[];
  /** Letters entered at event tables for the whole drive, apart from members' actions. */
  table: number;
  /** This drive's space only: what its goal is measured against. */
  driveCount: number;
  percent: number | null;
  /** The appeal's news this drive's community may see, newest first. */
  news: NewsItem[];
  /** Each round of the cases that had more than one; empty when none did. */
  rounds: PageRound[];
  svg: string;
  now: Date;
  locale: Locale;
  t: Translate;
};

/** The live part of the page, as pushed to open pages. */
export type LiveState = {
  driveCount: number;
  countLabel: string;
  percent: number | null;
  goalText?: string;
  total: number;
  members: number;
  totalText: string;
  svg: string;
  updated: string;
  /** Page parts rebuilt on the server (escaped there), by element id: milestones, the tables. */
  html: Record<string, string>;
};

/** The news of every case of the drive its community may see, newest first. */
async function newsOf(source: PageSource, drive: Drive): Promise<NewsItem[]> {
  if (!source.newsLog) return [];
  const lists = await Promise.all(drive.cases.map((c) => source.newsLog!.forSpace(c.appealId, drive.space)));
  return lists.flat().sort((a, b) => b.at.localeCompare(a.at));
}

/** Reads a page by its id; undefined when no drive has that page, or its page is off. */
export async function loadView(source: PageSource, pageId: string): Promise<PageView | undefined> {
  const drive = await source.drives.byPage(pageId);
  if (!drive?.page) return undefined;
  // The letter the page shows is the one the drive's members get: their community's own copy stands in for a shared appeal.
  const book = source.appeals.viewFor({ community: communityOf(drive.space), member: 'page', operator: false, where: 'page' });
  const appeals = await Promise.all(drive.cases.map((c) => book.getWithOwnCopy(c.appealId)));
  const appeal = appeals[0];
  if (!appeal) return undefined;
  const [tally, points, table, news] = await Promise.all([
    driveTally(source.ledger, drive),
    driveSeries(source.ledger, drive),
    source.tallyBook?.totals(drive.id) ?? { total: 0, byAppeal: {} as Record<string, number> },
    newsOf(source, drive),
  ]);
  const now = source.clock.now();
  const locale = pickLocale(drive.locale);
  const t = translator(locale);
  const driveCount = tally.bySpace[drive.space] ?? 0;
  const cases = tally.cases.map((c, i) => ({
    number: c.number,
    appealId: c.appealId,
    title: appeals[i]?.title ?? c.appealId,
    actions: c.tally.bySpace[drive.space] ?? 0,
    table: table.byAppeal[c.appealId] ?? 0,
    goal: c.goal,
  }));
  const rounds = tally.cases
    .filter((c) => c.rounds.length > 1)
    .flatMap((c) => c.rounds.map((r) => ({ label: drive.cases.length > 1 ? `${c.number}. ${appeals[c.number - 1]?.reference ?? c.appealId}` : '', round: r.round, actions: r.tally.bySpace[drive.space] ?? 0, current: r.round === c.round })));
  return {
    pageId,
    drive,
    rounds,
    appeal,
    title: drive.title ?? (drive.cases.length > 1 ? appeals.map((a, i) => a?.reference ?? drive.cases[i]!.appealId).join(', ') : appeal.title),
    tally,
    cases,
    table: table.total,
    driveCount,
    percent: drive.goal ? percentOf(driveCount, drive.goal) : null,
    news,
    svg: driveChartSvg(drive, points, { t, locale, now }),
    now,
    locale,
    t,
  };
}

// What a drive page shows, read from counters only: the drive, its tally and series.
import type { Appeal } from '../../core/appeal.js';
import type { AppealCatalog } from '../../core/appeals.js';
import { driveChartSvg } from '../../core/chart/drive-chart.js';
import type { SeriesPoint } from '../../core/chart/series.js';
import type { Drive } from '../../core/drive.js';
import type { DriveService } from '../../core/drives.js';
import { pickLocale, translator, type Locale, type Translate } from '../../core/i18n/index.js';
import type { Tally } from '../../core/ledger/ledger.js';
import type { NewsItem } from '../../core/news/item.js';
import type { NewsLog } from '../../core/news/log.js';
import type { Clock } from '../../core/time.js';
import { percentOf } from '../../commands/shared.js';

/** What the page reads: counters only (the tally and the hourly series), never the actions. */
export interface PageSource {
  drives: Pick<DriveService, 'byPage'>;
  appeals: Pick<AppealCatalog, 'get'>;
  ledger: { tally(appealId: string): Promise<Tally>; series(appealId: string, space?: string): Promise<SeriesPoint[]> };
  clock: Clock;
  /** The appeal's news, when the bot keeps it (/news post). */
  newsLog?: Pick<NewsLog, 'forSpace'>;
}

/** Everything one drive page shows, read at one instant. */
export type PageView = {
  pageId: string;
  drive: Drive;
  appeal: Appeal;
  /** The appeal's tally across every group and platform. */
  tally: Tally;
  /** This drive's space only: what its goal is measured against. */
  driveCount: number;
  percent: number | null;
  /** The appeal's news this drive's community may see, newest first. */
  news: NewsItem[];
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

/** Reads a page by its id; undefined when no drive has that page, or its page is off. */
export async function loadView(source: PageSource, pageId: string): Promise<PageView | undefined> {
  const drive = await source.drives.byPage(pageId);
  if (!drive?.page) return undefined;
  const appeal = await source.appeals.get(drive.appealId);
  if (!appeal) return undefined;
  const [tally, points, news] = await Promise.all([source.ledger.tally(appeal.id), source.ledger.series(appeal.id, drive.space), source.newsLog?.forSpace(appeal.id, drive.space) ?? []]);
  const now = source.clock.now();
  const locale = pickLocale(drive.locale);
  const t = translator(locale);
  const driveCount = tally.bySpace[drive.space] ?? 0;
  return {
    pageId,
    drive,
    appeal,
    tally,
    driveCount,
    percent: drive.goal ? percentOf(driveCount, drive.goal) : null,
    news,
    svg: driveChartSvg(drive, points, { t, locale, now }),
    now,
    locale,
    t,
  };
}

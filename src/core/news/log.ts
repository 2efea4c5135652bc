// The news an appeal has had, newest first, for its drive pages.
import { guarded } from '../guard.js';
import type { WriteUnit } from '../ledger/ledger.js';
import { inCommunity } from '../walls.js';
import type { NewsItem } from './item.js';

/** A page shows at most this many; older news drops off. */
export const NEWS_KEPT = 10;

/**
 * Where news items are kept (src/core/store/): on SQLite the table `news_items`; on Redis a hash per
 * item and a sorted set per appeal. Each call is one atomic change or read; no lock.
 */
export interface NewsLogRepository {
  /**
   * Adds the item as its appeal's newest (once: an id already kept changes nothing, false) and drops
   * all but the `kept` newest. With a unit, the delivery's claim and the unit's events commit in the
   * same transaction or script: a delivery handled before fails with `AlreadyHandled`, adding nothing.
   */
  add(news: NewsItem, kept: number, unit?: WriteUnit): Promise<boolean>;
  /** The appeal's items, newest first. */
  list(appealId: string): Promise<NewsItem[]>;
}

/** The moderator's or operator's words, kept for the pages; no member is named in them. */
export class NewsLog {
  constructor(private readonly repository: NewsLogRepository) {}

  /** True when the item was added (false: kept already); see `NewsLogRepository.add` for the unit. */
  add(news: NewsItem, unit?: WriteUnit): Promise<boolean> {
    return guarded('news', () => this.repository.add(news, NEWS_KEPT, unit));
  }

  /** Within walls: the news of this space's community and the operator's, newest first. */
  async forSpace(appealId: string, space: string): Promise<NewsItem[]> {
    const list = await guarded('news', () => this.repository.list(appealId));
    return list.filter((n) => n.community === null || inCommunity(space, n.community));
  }
}

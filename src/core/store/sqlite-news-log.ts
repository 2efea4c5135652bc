// News items of appeals as a table of the SQLite file, a row per item, the newest few per appeal.
import { crashPoint } from '../crash-points.js';
import { AlreadyHandled } from '../errors.js';
import type { WriteUnit } from '../ledger/ledger.js';
import type { NewsItem, Outcome } from '../news/item.js';
import type { NewsLogRepository } from '../news/log.js';
import type { SqliteFile } from './sqlite-file.js';
import { claimFree, commitUnit, HANDLED_BEFORE } from './write-unit.js';

type Row = { id: string; appeal_id: string; community: string | null; outcome: Outcome; text: string; deadline: string | null; at: string };

const item = (r: Row): NewsItem => ({ id: r.id, appealId: r.appeal_id, community: r.community, outcome: r.outcome, text: r.text, ...(r.deadline ? { deadline: r.deadline } : {}), at: r.at });

/**
 * `seq` orders an appeal's items (newest last); one transaction adds an item, drops the oldest, and
 * takes the delivery's claim with the item's events (a unit).
 */
export class SqliteNewsLog implements NewsLogRepository {
  constructor(private readonly file: SqliteFile) {}

  async add(news: NewsItem, kept: number, unit?: WriteUnit): Promise<boolean> {
    const at = new Date(news.at);
    crashPoint('before-write-commit');
    const result = await this.file.run('keep news', () =>
      this.file.db
        .transaction(() => {
          if (!claimFree(this.file, unit, at.getTime())) return HANDLED_BEFORE;
          const added =
            this.file
              .statement('INSERT OR IGNORE INTO news_items(id, appeal_id, community, outcome, text, deadline, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
              .run(news.id, news.appealId, news.community ?? null, news.outcome, news.text, news.deadline ?? null, news.at).changes > 0;
          if (!added) return false;
          this.file
            .statement('DELETE FROM news_items WHERE appeal_id = ? AND seq NOT IN (SELECT seq FROM news_items WHERE appeal_id = ? ORDER BY seq DESC LIMIT ?)')
            .run(news.appealId, news.appealId, kept);
          commitUnit(this.file, unit, at);
          return true;
        })
        .immediate(),
    );
    crashPoint('after-write-commit');
    if (result === HANDLED_BEFORE) throw new AlreadyHandled();
    // Answered once it is on disk, as an action is (a failed sync: "may not have been saved").
    if (result) await this.file.synced();
    if (result) unit?.changed?.();
    return result;
  }

  async list(appealId: string): Promise<NewsItem[]> {
    const rows = await this.file.run('read news', () => this.file.statement('SELECT id, appeal_id, community, outcome, text, deadline, at FROM news_items WHERE appeal_id = ? ORDER BY seq DESC').all(appealId) as Row[]);
    return rows.map(item);
  }
}

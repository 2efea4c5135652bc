// News items of appeals as a table of the SQLite file, a row per item, the newest few per appeal.
import type { NewsItem, Outcome } from '../news/item.js';
import type { NewsLogRepository } from '../news/log.js';
import type { SqliteFile } from './sqlite-file.js';

type Row = { id: string; appeal_id: string; community: string | null; outcome: Outcome; text: string; deadline: string | null; at: string };

const item = (r: Row): NewsItem => ({ id: r.id, appealId: r.appeal_id, community: r.community, outcome: r.outcome, text: r.text, ...(r.deadline ? { deadline: r.deadline } : {}), at: r.at });

/** `seq` orders an appeal's items (newest last); one transaction adds an item and drops the oldest. */
export class SqliteNewsLog implements NewsLogRepository {
  constructor(private readonly file: SqliteFile) {}

  async add(news: NewsItem, kept: number): Promise<void> {
    await this.file.run('keep news', () =>
      this.file.db
        .transaction(() => {
          this.file
            .statement('INSERT OR IGNORE INTO news_items(id, appeal_id, community, outcome, text, deadline, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(news.id, news.appealId, news.community ?? null, news.outcome, news.text, news.deadline ?? null, news.at);
          this.file
            .statement('DELETE FROM news_items WHERE appeal_id = ? AND seq NOT IN (SELECT seq FROM news_items WHERE appeal_id = ? ORDER BY seq DESC LIMIT ?)')
            .run(news.appealId, news.appealId, kept);
        })
        .immediate(),
    );
  }

  async list(appealId: string): Promise<NewsItem[]> {
    const rows = await this.file.run('read news', () => this.file.statement('SELECT id, appeal_id, community, outcome, text, deadline, at FROM news_items WHERE appeal_id = ? ORDER BY seq DESC').all(appealId) as Row[]);
    return rows.map(item);
  }
}

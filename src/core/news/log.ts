// The news an appeal has had, newest first, for its drive pages.
import type Keyv from 'keyv';
import { guarded, type Mutex } from '../guard.js';
import { inCommunity } from '../walls.js';
import type { NewsItem } from './item.js';

/** A page shows at most this many; older news drops off. */
export const NEWS_KEPT = 10;

const key = (appealId: string) => `news:log:${appealId}`;

/** The moderator's or operator's words, kept for the pages; no member is named in them. */
export class NewsLog {
  constructor(
    private readonly kv: Keyv,
    private readonly mutex: Mutex,
  ) {}

  async add(news: NewsItem): Promise<void> {
    await this.mutex.run(`news-log:${news.appealId}`, () =>
      guarded('news', async () => {
        const list = ((await this.kv.get(key(news.appealId))) as NewsItem[] | undefined) ?? [];
        await this.kv.set(key(news.appealId), [news, ...list].slice(0, NEWS_KEPT));
      }),
    );
  }

  /** Within walls: the news of this space's community and the operator's, newest first. */
  async forSpace(appealId: string, space: string): Promise<NewsItem[]> {
    const list = ((await guarded('news', () => this.kv.get(key(appealId)))) as NewsItem[] | undefined) ?? [];
    return list.filter((n) => n.community === null || inCommunity(space, n.community));
  }
}

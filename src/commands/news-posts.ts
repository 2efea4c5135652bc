// News as the spaces and the followers see it, worded in the space's or the follower's language.
import type { Appeal } from '../core/appeal.js';
import type { Drive } from '../core/drive.js';
import { pickLocale, translator, type Translate } from '../core/i18n/index.js';
import type { Tally } from '../core/ledger/ledger.js';
import { escapeMarkdown } from '../core/markdown.js';
import type { NewsWords } from '../core/news/delivery.js';
import { isClosing, type NewsItem } from '../core/news/item.js';
import { privateReply, publicReply, type Block } from '../core/reply.js';
import { tallyText } from './shared.js';

function newsBlocks(t: Translate, appeal: Appeal, news: NewsItem): Block[] {
  const heading = news.outcome === 'good' ? 'news_heading_good' : news.outcome === 'closed' ? 'news_heading_closed' : 'news_heading_update';
  const blocks: Block[] = [
    { type: 'heading', text: t(heading, { reference: appeal.reference, title: appeal.title }) },
    { type: 'text', text: escapeMarkdown(news.text) },
  ];
  if (news.deadline) blocks.push({ type: 'text', text: escapeMarkdown(t('news_new_deadline', { deadline: news.deadline })) });
  return blocks;
}

export const newsWords: NewsWords = {
  post(drive: Drive, appeal: Appeal, news: NewsItem, tally: Tally) {
    const t = translator(pickLocale(drive.locale));
    const blocks = newsBlocks(t, appeal, news);
    // A closing news ended the drive (src/commands/news.ts): the group hears its final tally with it.
    if (isClosing(news.outcome)) blocks.push({ type: 'text', text: `**${escapeMarkdown(t('news_thanks', { tally: tallyText(t, tally, drive.goal) }))}**` });
    return publicReply(blocks);
  },
  member(follower, appeal, news, groupActions) {
    const t = translator(pickLocale(follower.locale));
    return privateReply([
      ...newsBlocks(t, appeal, news),
      { type: 'text', text: escapeMarkdown(t('news_group', { count: groupActions })) },
      { type: 'text', text: escapeMarkdown(t('news_why', { appeal: appeal.id })) },
    ]);
  },
};

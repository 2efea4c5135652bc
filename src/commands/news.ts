// /news post: a moderator's news of an appeal to their community's followers and spaces; the
// operator's to every community.
import { randomUUID } from 'node:crypto';
import type { Appeal } from '../core/appeal.js';
import { communityAppealId } from '../core/appeal-view.js';
import { driveAppealIds, findCase, type Drive } from '../core/drive.js';
import type { DriveService } from '../core/drives.js';
import { UserInputError } from '../core/errors.js';
import { escapeMarkdown } from '../core/markdown.js';
import { isClosing, OUTCOMES, type NewsItem, type Outcome } from '../core/news/item.js';
import { privateReply } from '../core/reply.js';
import { localDate } from '../core/time.js';
import { inCommunity } from '../core/walls.js';
import { findAppeal } from './shared.js';
import { defineCommand, type CommandContext, type CommandGroup, type Deps } from './types.js';

/**
 * Ends the appeal in these drives (good news, or no further action): in a campaign only that case
 * ends and the others go on; a drive ends with its last case.
 */
export async function endAppealIn(drives: Pick<DriveService, 'endCase'>, list: readonly Drive[], appealId: string): Promise<Drive[]> {
  const ended: Drive[] = [];
  for (const drive of list) {
    const entry = drive.cases.find((c) => c.appealId === appealId);
    if (!entry || entry.status !== 'active' || drive.status !== 'active') continue;
    ended.push(await drives.endCase(drive, appealId));
  }
  return ended;
}

/**
 * An update with a new deadline: the drives still running on the appeal take it when it is later
 * than theirs, so their reminders and close follow it. (Rounds, counted apart, are not built yet.)
 */
async function moveDeadlineIn(drives: Pick<DriveService, 'update'>, list: readonly Drive[], deadline: string): Promise<Drive[]> {
  const moved: Drive[] = [];
  for (const drive of list) if (drive.status === 'active' && drive.deadline < deadline) moved.push(await drives.update(drive, { deadline }));
  return moved;
}

/** A case's number ("2") means that case of the campaign running here; anything else is an appeal id. */
async function caseAppealId(ref: string, ctx: CommandContext, deps: Deps): Promise<string> {
  if (!/^\d{1,3}$/.test(ref)) return ref;
  const drive = await deps.drives.resolve(ctx.space.id);
  const found = drive && findCase(drive, ref);
  if (!found) throw new UserInputError('no_drive');
  return found.entry.appealId;
}

const post = defineCommand({
  name: 'post',
  description: 'cmd_news_post',
  permission: 'moderator',
  scope: 'space',
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true, required: true },
    { name: 'text', kind: 'text', description: 'opt_news_text', required: true, max: 3000 },
    { name: 'outcome', kind: 'word', description: 'opt_news_outcome', placeholder: 'update|good|closed' },
    { name: 'deadline', kind: 'date', description: 'opt_news_deadline' },
    { name: 'case', kind: 'appeal', description: 'opt_news_case' },
  ],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const outcome = (input.outcome ?? 'update').toLowerCase();
    if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new UserInputError('news_bad_outcome', { value: input.outcome ?? '' });
    // A case names the appeal within a campaign; news is matched on the appeal's id, never a UA number.
    const appeal = await findAppeal(await caseAppealId(input.case ?? input.appeal!, ctx, deps), deps);
    // Walls: a moderator's news stays in their community; only the operator's reaches every one.
    const community = ctx.origin.operator ? null : ctx.origin.community;
    if (community !== null && ctx.space.kind === 'private') throw new UserInputError('news_private');
    const drives = (await deps.drives.all()).filter((d) => driveAppealIds(d).includes(appeal.id) && (community === null || inCommunity(d.space, community)));
    if (community !== null && drives.length === 0) throw new UserInputError('news_no_drive', { reference: appeal.reference });
    const news: NewsItem = {
      id: randomUUID(),
      appealId: appeal.id,
      community,
      outcome: outcome as Outcome,
      text: input.text!,
      ...(input.deadline ? { deadline: input.deadline } : {}),
      at: ctx.now.toISOString(),
    };
    // A new deadline already past everywhere (the earliest date on Earth) is refused before anything is written.
    if (news.deadline && news.deadline < localDate(ctx.now, 'Etc/GMT+12')) throw new UserInputError('deadline_past', { deadline: news.deadline });
    const ended = isClosing(news.outcome) ? await endAppealIn(deps.drives, drives, appeal.id) : [];
    const moved = news.outcome === 'update' && news.deadline ? await moveDeadlineIn(deps.drives, drives, news.deadline) : [];
    // Posts and private messages follow after this answer, from the outbox, paced (src/core/news).
    await deps.newsLog?.add(news);
    ctx.emit({ type: 'news', news });
    const spaces = new Set(drives.map((d) => d.space)).size;
    const lines = [t(community === null ? 'news_queued_all' : 'news_queued_community', { reference: appeal.reference, spaces })];
    if (ended.length > 0) lines.push(t('news_ended', { count: ended.length }));
    if (moved.length > 0) lines.push(t('news_deadline_moved', { count: moved.length, deadline: news.deadline! }));
    return privateReply(lines.map((text) => ({ type: 'text', text: escapeMarkdown(text) })));
  },
});

export const news: CommandGroup = { name: 'news', description: 'cmd_news', subcommands: [post] };

const OUTCOME_OF_KIND = { update: 'update', closure: 'closed', 'good-news': 'good' } as const satisfies Record<string, Outcome>;
/** A ready line stays short enough to copy and to fit a chat message. */
const OFFER_TEXT_CHARS = 600;

/**
 * An imported update, closure or good news (the importer marks its kind) of an appeal known here:
 * the `/news post` line that sends it, for a moderator to check and send. The appeal is found by
 * its id (the community's own copy first, then the shared one), never by a UA number alone.
 */
export async function newsOffer(imported: Appeal, kind: keyof typeof OUTCOME_OF_KIND, ctx: CommandContext, deps: Deps): Promise<string | undefined> {
  const ids = ctx.origin.operator ? [imported.id] : [communityAppealId(imported.id, ctx.origin.community), imported.id];
  let appeal: Appeal | undefined;
  for (const id of ids) if (!appeal) appeal = await deps.appeals.get(id);
  if (!appeal) return undefined;
  const said = (imported.summary || imported.title).replace(/\s+/g, ' ').replace(/"/g, "'").trim();
  const text = said.length > OFFER_TEXT_CHARS ? `${said.slice(0, OFFER_TEXT_CHARS - 1).trimEnd()}…` : said;
  const line = `/news post ${appeal.id} outcome=${OUTCOME_OF_KIND[kind]} text="${text}"`;
  return ctx.t('news_offer', { reference: appeal.reference, line });
}

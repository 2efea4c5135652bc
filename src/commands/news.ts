// /news post: a moderator's news of an appeal to their community's followers and spaces; the
// operator's to every community.
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
 * An update with a new deadline (or `round=new`: new officials, a new letter) opens the next round of
 * the appeal in the drives still running it: members can act again, counted apart per round and in
 * total; a later deadline becomes the drive's, so its reminders and close follow it.
 */
async function openRoundIn(drives: Pick<DriveService, 'openRound'>, list: readonly Drive[], appealId: string, deadline: string | undefined, by: string): Promise<Drive[]> {
  const opened: Drive[] = [];
  for (const drive of list) {
    const next = await drives.openRound(drive, appealId, deadline, by);
    if (next) opened.push(next);
  }
  return opened;
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
  // The news, its delivery's claim and its event (posts, messages) commit together: a redelivery
  // after a crash sends nothing twice. Its id comes from the delivery, so the drives' changes made
  // before (a case ended, a round opened) are not made twice either.
  commitsDelivery: true,
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true, required: true },
    { name: 'text', kind: 'text', description: 'opt_news_text', required: true, max: 3000 },
    { name: 'outcome', kind: 'word', description: 'opt_news_outcome', placeholder: 'update|good|closed' },
    { name: 'deadline', kind: 'date', description: 'opt_news_deadline' },
    { name: 'case', kind: 'appeal', description: 'opt_news_case' },
    { name: 'round', kind: 'word', description: 'opt_news_round', placeholder: 'new' },
  ],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const outcome = (input.outcome ?? 'update').toLowerCase();
    if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new UserInputError('news_bad_outcome', { value: input.outcome ?? '' });
    // Only an update opens a round: by a new deadline, or by round=new (new officials or letter).
    if (input.round !== undefined && (input.round.toLowerCase() !== 'new' || outcome !== 'update')) throw new UserInputError('news_bad_round', { value: input.round });
    // A case names the appeal within a campaign; news is matched on the appeal's id, never a UA number.
    const appeal = await findAppeal(await caseAppealId(input.case ?? input.appeal!, ctx, deps), deps);
    // Walls: a moderator's news stays in their community; only the operator's reaches every one.
    const community = ctx.origin.operator ? null : ctx.origin.community;
    if (community !== null && ctx.space.kind === 'private') throw new UserInputError('news_private');
    const drives = (await deps.drives.all()).filter((d) => driveAppealIds(d).includes(appeal.id) && (community === null || inCommunity(d.space, community)));
    if (community !== null && drives.length === 0) throw new UserInputError('news_no_drive', { reference: appeal.reference });
    const news: NewsItem = {
      id: ctx.onceId(),
      appealId: appeal.id,
      community,
      outcome: outcome as Outcome,
      text: input.text!,
      ...(input.deadline ? { deadline: input.deadline } : {}),
      ...(outcome === 'update' && (input.deadline || input.round) ? { opensRound: true } : {}),
      at: ctx.now.toISOString(),
    };
    // A new deadline already past everywhere (the earliest date on Earth) is refused before anything is written.
    if (news.deadline && news.deadline < localDate(ctx.now, 'Etc/GMT+12')) throw new UserInputError('deadline_past', { deadline: news.deadline });
    const ended = isClosing(news.outcome) ? await endAppealIn(deps.drives, drives, appeal.id) : [];
    const opened = news.opensRound ? await openRoundIn(deps.drives, drives, appeal.id, news.deadline, news.id) : [];
    // Posts and private messages follow after this answer, from the outbox, paced (src/core/news).
    if (deps.newsLog) await deps.newsLog.add(news, ctx.unit([{ type: 'news', news }]));
    else ctx.emit({ type: 'news', news });
    const spaces = new Set(drives.map((d) => d.space)).size;
    const lines = [t(community === null ? 'news_queued_all' : 'news_queued_community', { reference: appeal.reference, spaces })];
    if (ended.length > 0) lines.push(t('news_ended', { count: ended.length }));
    if (opened.length > 0) {
      const rounds = [...new Set(opened.map((d) => d.cases.find((c) => c.appealId === appeal.id)!.round))].sort((a, b) => a - b).join(', ');
      // The drives' own deadlines: a new one earlier than a campaign's leaves the campaign's.
      lines.push(t('news_round_opened', { count: opened.length, round: rounds, deadline: opened.map((d) => d.deadline).sort()[0]! }));
    }
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
 * its id (the one a drive here runs; else the community's own copy, then the shared one), never by a UA number alone.
 */
export async function newsOffer(imported: Appeal, kind: keyof typeof OUTCOME_OF_KIND, ctx: CommandContext, deps: Deps): Promise<string | undefined> {
  const ids = ctx.origin.operator ? [imported.id] : [communityAppealId(imported.id, ctx.origin.community), imported.id];
  const known = (await Promise.all(ids.map((id) => deps.appeals.get(id)))).filter((a): a is Appeal => a !== undefined);
  // The id a drive here runs comes first: news posted under it reaches that drive and opens its next round.
  let appeal: Appeal | undefined;
  for (const a of known) if (!appeal && (await deps.drives.resolve(ctx.space.id, a.id))) appeal = a;
  appeal ??= known[0];
  if (!appeal) return undefined;
  const said = (imported.summary || imported.title).replace(/\s+/g, ' ').replace(/"/g, "'").trim();
  const text = said.length > OFFER_TEXT_CHARS ? `${said.slice(0, OFFER_TEXT_CHARS - 1).trimEnd()}…` : said;
  // An update's new deadline, when the importer found one not yet past, opens a new round when sent.
  const deadline = kind === 'update' && imported.deadline && imported.deadline >= localDate(ctx.now, 'Etc/GMT+12') ? ` deadline=${imported.deadline}` : '';
  const line = `/news post ${appeal.id} outcome=${OUTCOME_OF_KIND[kind]} text="${text}"${deadline}`;
  return ctx.t('news_offer', { reference: appeal.reference, line });
}

// /tally add, list and undo: moderators enter the letters a table wrote together at an event, per
// case and method, kept apart from members' own actions.
import { findCase, type Drive } from '../core/drive.js';
import { UserInputError } from '../core/errors.js';
import { escapeMarkdown } from '../core/markdown.js';
import { actionButton, MAX_ACTION_BYTES, privateReply, publicReply } from '../core/reply.js';
import { LARGE_COUNT, NOTE_MAX, type TableEntry } from '../core/tally-book.js';
import { localDate } from '../core/time.js';
import { inCommunity } from '../core/walls.js';
import { caseButtons, caseList, findAppeal, openDrive } from './shared.js';
import { defineCommand, type CommandContext, type CommandGroup, type Deps } from './types.js';

/** "3", never "03", "-2", "0" or "1e3": a count typed by a volunteer at the end of an evening. */
function countOf(word: string): number {
  if (!/^\d{1,7}$/.test(word) || Number(word) < 1) throw new UserInputError('tally_bad_count');
  return Number(word);
}

/** The drive's case the entry is for: named (number or appeal id), or the drive's only case. */
function caseOf(drive: Drive, ref: string | undefined): { number: number; appealId: string } | undefined {
  if (ref === undefined) return drive.cases.length === 1 ? { number: 1, appealId: drive.cases[0]!.appealId } : undefined;
  const found = findCase(drive, ref.toLowerCase());
  if (!found) throw new UserInputError('unknown_case', { case: ref, cases: caseList(drive) });
  return { number: found.number, appealId: found.entry.appealId };
}

/** How many days before its drive started a table's letters may be dated. */
const EARLY_DAYS = 30;
const DAY_MS = 86_400_000;

const add = defineCommand({
  name: 'add',
  description: 'cmd_tally_add',
  permission: 'moderator',
  scope: 'space',
  // The entry and the delivery's claim are one transaction: a redelivery never enters it twice.
  commitsDelivery: true,
  options: [
    { name: 'count', kind: 'word', description: 'opt_count', positional: true, required: true, max: 12, placeholder: 'COUNT' },
    { name: 'method', kind: 'method', description: 'opt_method', positional: true, required: true },
    { name: 'case', kind: 'word', description: 'opt_case', positional: true, max: 40, placeholder: 'CASE' },
    { name: 'note', kind: 'text', description: 'opt_note', max: 1000 },
    { name: 'date', kind: 'date', description: 'opt_when' },
    { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
    { name: 'confirm', kind: 'toggle', description: 'opt_confirm', hidden: true },
  ],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const count = countOf(input.count!);
    // Everything is checked before anything is written: a refused entry writes nothing.
    if (input.note !== undefined && input.note.length > NOTE_MAX) throw new UserInputError('tally_note_long', { max: NOTE_MAX });
    const ref = input.case?.toLowerCase();
    // A case named by appeal id also finds its drive when several drives run in the space.
    const drive = await openDrive({ drive: input.drive, appeal: ref }, ctx, deps);
    const today = localDate(ctx.now, drive.timezone);
    const date = input.date ?? today;
    if (date > today) throw new UserInputError('tally_date_future', { today });
    // A mistyped year (2025 for 2026) would file the letters in last year's campaign: a date well
    // before the drive started is refused; an evening held just before the bot's drive is not.
    const earliest = localDate(new Date(Date.parse(drive.startedAt) - EARLY_DAYS * DAY_MS), drive.timezone);
    if (date < earliest) throw new UserInputError('tally_date_early', { started: localDate(new Date(drive.startedAt), drive.timezone), days: EARLY_DAYS });
    const chosen = caseOf(drive, ref);
    // Buttons carry no free text: with a note or a date, the case must be typed.
    const plain = input.note === undefined && input.date === undefined;
    if (!chosen && !plain) throw new UserInputError('which_case', { cases: caseList(drive) });
    // A campaign and no case: asked privately, a numbered button a case.
    if (!chosen) {
      return privateReply([{ type: 'text', text: t('tally_pick_case', { count }) }], { buttons: await caseButtons(`tally add ${count} ${input.method}`, drive, deps) });
    }
    const appeal = await findAppeal(chosen.appealId, deps);
    if (count > LARGE_COUNT && input.confirm !== true) {
      const confirm = `tally add ${count} ${input.method} ${chosen.number} confirm=yes drive=${drive.id}`;
      const fits = plain && Buffer.byteLength(confirm) <= MAX_ACTION_BYTES;
      return privateReply([{ type: 'text', text: escapeMarkdown(t(fits ? 'tally_large_count' : 'tally_large_count_retype', { count, max: LARGE_COUNT })) }], {
        buttons: fits ? [actionButton(t('button_tally_confirm', { count }), confirm, 'primary')] : [],
      });
    }
    const entry = await deps.tallyBook.add(
      { driveId: drive.id, space: drive.space, appealId: appeal.id, count, method: input.method!, note: input.note ?? null, moderator: ctx.member, date },
      ctx.now,
      ctx.unit(),
    );
    const method = t(`method_${entry.method}`);
    return publicReply([{ type: 'text', text: escapeMarkdown(t('tally_added', { id: entry.id, count, method, number: chosen.number, reference: appeal.reference, date })) }]);
  },
});

function entryLine(ctx: CommandContext, drive: Drive, entry: TableEntry): string {
  const number = drive.cases.findIndex((c) => c.appealId === entry.appealId) + 1;
  return ctx.t('tally_list_row', {
    id: entry.id,
    count: entry.count,
    method: ctx.t(`method_${entry.method}`),
    number,
    appeal: entry.appealId,
    date: entry.date,
    note: entry.note ? `: "${entry.note}"` : '',
  });
}

const list = defineCommand({
  name: 'list',
  description: 'cmd_tally_list',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const drive = await openDrive({ drive: input.drive }, ctx, deps);
    const entries = await deps.tallyBook.list(drive.id);
    const title = drive.title ?? drive.cases.map((c) => c.appealId).join(', ');
    if (entries.length === 0) return privateReply([{ type: 'text', text: escapeMarkdown(t('tally_list_none')) }]);
    // Private: notes may say where a group meets.
    return privateReply([
      { type: 'heading', text: t('tally_list_heading', { title }) },
      { type: 'text', text: escapeMarkdown(entries.map((e) => entryLine(ctx, drive, e)).join('\n')) },
    ]);
  },
});

/** The entry, when it belongs to a drive of the moderator's own community (the operator: any). */
async function entryHere(id: string, ctx: CommandContext, deps: Deps): Promise<TableEntry> {
  const entry = /^[A-Za-z0-9]{1,16}$/.test(id) ? await deps.tallyBook.get(id) : undefined;
  // Gone: perhaps removed by this very delivery before a crash. Asking to remove it with the claim
  // tells (`AlreadyHandled`: answer nothing, as for any handled delivery); otherwise it never was.
  if (!entry && /^[A-Za-z0-9]{1,16}$/.test(id)) await deps.tallyBook.remove(id, ctx.now, ctx.unit());
  // Another community's entry is answered as one that does not exist.
  if (!entry || (!ctx.origin.operator && !inCommunity(entry.space, ctx.origin.community))) throw new UserInputError('tally_unknown_entry', { id });
  return entry;
}

const undo = defineCommand({
  name: 'undo',
  description: 'cmd_tally_undo',
  permission: 'moderator',
  scope: 'space',
  commitsDelivery: true,
  options: [{ name: 'id', kind: 'word', description: 'opt_entry', positional: true, required: true, max: 16, placeholder: 'ID' }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const entry = await entryHere(input.id!, ctx, deps);
    if (!(await deps.tallyBook.remove(entry.id, ctx.now, ctx.unit()))) throw new UserInputError('tally_unknown_entry', { id: entry.id });
    return publicReply([{ type: 'text', text: escapeMarkdown(t('tally_undone', { id: entry.id, count: entry.count, method: t(`method_${entry.method}`), appeal: entry.appealId })) }]);
  },
});

export const tally: CommandGroup = { name: 'tally', description: 'cmd_tally', subcommands: [add, list, undo] };

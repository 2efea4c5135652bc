// What several commands share: finding the appeal and open drive, method options, tally and time-
// left wording.
import type { Appeal } from '../core/appeal.js';
import { assertOpen, closesAt, driveAppealIds, findCase, isOpen, METHODS, type Drive, type Method } from '../core/drive.js';
import { UserInputError } from '../core/errors.js';
import type { Translate } from '../core/i18n/index.js';
import type { TallySummary } from '../core/ledger/ledger.js';
import { escapeMarkdown } from '../core/markdown.js';
import { actionButton, privateReply, type Button, type Reply } from '../core/reply.js';
import { daysBetween, localDate } from '../core/time.js';
import type { CommandContext, Deps } from './types.js';

/** Options of the commands that act on one's own action: /acted and /undo (and their buttons). */
export const actionOptions = [
  { name: 'method', kind: 'method', description: 'opt_method', positional: true },
  { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
  { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
] as const;

/** The appeal as this community reads it: its own copy of a shared appeal stands in for it (`getWithOwnCopy`). */
export async function findAppeal(id: string, deps: Pick<Deps, 'appeals'>): Promise<Appeal> {
  const appeal = await deps.appeals.getWithOwnCopy(id);
  if (appeal) return appeal;
  const known = (await deps.appeals.list()).map((a) => a.id).join(', ');
  throw new UserInputError('unknown_appeal', { appeal: id, appeals: known || '-' });
}

/**
 * `/acted carrier-pigeon` reads as an appeal id; when no such appeal exists and no method was
 * given, the member meant a method, so say what methods there are.
 */
export async function checkMethodTypo(input: { method?: string; appeal?: string }, command: string, deps: Deps): Promise<void> {
  if (input.method || !input.appeal || (await deps.appeals.get(input.appeal))) return;
  throw new UserInputError('bad_option', { option: 'method', kind: 'method', command, usage: `/${command} email|post|phone|social|other|card [CASE]` });
}

/** An appeal's heading: "UA 34.25: Stop ...", or its title once when it has no reference of its own (imported without a UA number). */
export function appealHeading(t: Translate, appeal: Pick<Appeal, 'reference' | 'title'>): string {
  return appeal.reference === appeal.title ? appeal.title : t('letter_heading', { reference: appeal.reference, title: appeal.title });
}

/** What a drive is called in posts: its campaign title, its cases' ids, or its one appeal's title. */
export function titleOf(drive: Pick<Drive, 'title' | 'cases'>, appeal: Pick<Appeal, 'title'>): string {
  return drive.title ?? (drive.cases.length > 1 ? driveAppealIds(drive).join(', ') : appeal.title);
}

/** A case named by its number in the drive ("2") rather than by its appeal id. */
const isCaseNumber = (ref: string) => /^\d{1,3}$/.test(ref);

/**
 * The drive and case a member command is about: a button's drive id, else the open drive with the
 * named appeal among its cases, else the space's only open drive. The case is the one named (appeal
 * id or number), else a drive's only case; with several cases and none named, `appeal` is
 * undefined and the caller offers them. Every case's appeal is read through the space's view of
 * the catalog (the walls). Without a drive, as `driveAndAppeal`.
 */
export async function driveAndCase(
  input: { appeal?: string; drive?: string },
  ctx: CommandContext,
  deps: Deps,
  options: { needDrive: boolean },
): Promise<{ drive?: Drive; appeal?: Appeal; number?: number }> {
  const ref = input.appeal;
  let drive: Drive | undefined;
  if (input.drive) {
    drive = await deps.drives.get(input.drive);
    if (!drive) throw new UserInputError('button_expired');
  } else {
    drive = await deps.drives.resolve(ctx.space.id, ref && !isCaseNumber(ref) ? ref : undefined);
  }
  if (drive) {
    if (!ref) return drive.cases.length === 1 ? { drive, appeal: await findAppeal(drive.cases[0]!.appealId, deps), number: 1 } : { drive };
    const found = findCase(drive, ref);
    if (!found) throw new UserInputError('unknown_case', { case: ref, cases: caseList(drive) });
    return { drive, appeal: await findAppeal(found.entry.appealId, deps), number: found.number };
  }
  if (ref && isCaseNumber(ref) && !(await deps.appeals.get(ref))) {
    if (options.needDrive) return refuseWithoutDrive(undefined, ctx, deps);
    throw new UserInputError('no_drive');
  }
  return driveAndAppeal(input, ctx, deps, options);
}

/** "1 ua-34-25, 2 ua-12-26": a drive's cases as a member types them. */
export function caseList(drive: Pick<Drive, 'cases'>): string {
  return drive.cases.map((c, i) => `${i + 1} ${c.appealId}`).join(', ');
}

/**
 * The drive and appeal a member command is about: a button's drive id, else the open drive for the
 * named appeal, else the space's only open drive, else (when no drive is needed) the only appeal
 * there is. `drive` is undefined when none runs. A campaign's case must be named (by appeal id or
 * number); with several appeals and nothing to go by, see `appealOrChoice`.
 */
export async function driveAndAppeal(
  input: { appeal?: string; drive?: string },
  ctx: CommandContext,
  deps: Deps,
  options: { needDrive: boolean },
): Promise<{ drive?: Drive; appeal: Appeal; number?: number }> {
  const byCase = async (drive: Drive) => {
    const ref = input.appeal ?? (drive.cases.length === 1 ? '1' : undefined);
    if (!ref) throw new UserInputError('which_case', { cases: caseList(drive) });
    const found = findCase(drive, ref);
    if (!found) throw new UserInputError('unknown_case', { case: ref, cases: caseList(drive) });
    return { drive, appeal: await findAppeal(found.entry.appealId, deps), number: found.number };
  };
  if (input.drive) {
    const drive = await deps.drives.get(input.drive);
    if (!drive) throw new UserInputError('button_expired');
    return byCase(drive);
  }
  const drive = await deps.drives.resolve(ctx.space.id, input.appeal && !isCaseNumber(input.appeal) ? input.appeal : undefined);
  if (drive) return byCase(drive);
  const named = input.appeal ? await findAppeal(input.appeal, deps) : undefined;
  if (options.needDrive) return refuseWithoutDrive(named, ctx, deps);
  if (named) return { appeal: named };
  const appeals = await deps.appeals.list();
  if (appeals.length === 1) return { appeal: appeals[0]! };
  throw new UserInputError('no_drive_name_appeal', { appeals: appeals.map((a) => a.id).join(', ') || '-' });
}

/** Buttons offered when a member must pick an appeal; more would crowd every platform's keyboard. */
const MAX_APPEAL_CHOICES = 10;

/**
 * For /letter, /appeal and /progress: the drive and case as `driveCase` finds them (`appeal`
 * undefined for a campaign with no case named), or, when no drive runs here and several appeals are
 * known, a private reply offering each as a button.
 */
export async function appealOrChoice(
  command: string,
  input: { appeal?: string; drive?: string },
  ctx: CommandContext,
  deps: Deps,
): Promise<{ drive?: Drive; appeal?: Appeal; number?: number } | { choice: Reply }> {
  if (!input.drive && !input.appeal && !(await deps.drives.resolve(ctx.space.id))) {
    const appeals = await deps.appeals.list();
    if (appeals.length > 1) {
      const shown = appeals.slice(0, MAX_APPEAL_CHOICES);
      const buttons = shown.map((a) => actionButton(`${a.reference}: ${clip(a.title, 60)}`, `${command} ${a.id}`));
      const more = appeals.length > shown.length ? ` ${ctx.t('appeal_choice_more', { appeals: appeals.slice(shown.length).map((a) => a.id).join(', ') })}` : '';
      return { choice: privateReply([{ type: 'text', text: `${ctx.t('appeal_choice', { command })}${more}` }], { buttons }) };
    }
  }
  return driveAndCase(input, ctx, deps, { needDrive: false });
}

/** A campaign's cases, one line each, with short numbered buttons running `command N drive=ID`; private. */
export async function casePicker(command: 'letter' | 'appeal', drive: Drive, ctx: CommandContext, deps: Deps): Promise<Reply> {
  const lines = await Promise.all(
    drive.cases.map(async (c, i) => {
      const appeal = await deps.appeals.get(c.appealId);
      return ctx.t('letter_case_line', { number: i + 1, reference: appeal?.reference ?? c.appealId, title: appeal?.title ?? c.appealId });
    }),
  );
  const text = `${ctx.t(command === 'appeal' ? 'appeal_pick_case' : 'letter_pick_case', { count: drive.cases.length })}\n${escapeMarkdown(lines.join('\n'))}`;
  const buttons = drive.cases.map((_, i) => actionButton(String(i + 1), `${command} ${i + 1} drive=${drive.id}`));
  return privateReply([{ type: 'text', text }], { buttons });
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Says why an action cannot be taken: the drive for this appeal (or the space's latest) ended or
 * closed, or no drive ever ran for it here.
 */
async function refuseWithoutDrive(appeal: Appeal | undefined, ctx: CommandContext, deps: Deps): Promise<never> {
  const drives = await deps.drives.listIn(ctx.space.id);
  const latest = appeal ? drives.find((d) => driveAppealIds(d).includes(appeal.id)) : drives[0];
  const named = appeal?.id ?? latest?.title ?? latest?.cases.map((c) => c.appealId).join(', ');
  if (latest?.status === 'ended') throw new UserInputError('drive_ended_here', { appeal: named! });
  if (latest) throw new UserInputError('drive_closed_here', { appeal: named!, deadline: latest.deadline });
  // In a private chat no drive runs: the member's group has it, and the letter's buttons count for it.
  if (ctx.space.kind === 'private') throw new UserInputError('no_drive_private');
  if (appeal) throw new UserInputError('no_drive_for_appeal', { appeal: appeal.id });
  throw new UserInputError('no_drive');
}

/** The open drive a moderator command is about: a button's drive id, the named appeal's, or the only one. */
export async function openDrive(input: { appeal?: string; drive?: string }, ctx: CommandContext, deps: Deps): Promise<Drive> {
  if (input.drive) {
    const drive = await deps.drives.get(input.drive);
    if (!drive) throw new UserInputError('button_expired');
    assertOpen(drive, ctx.now);
    return drive;
  }
  const drive = await deps.drives.resolve(ctx.space.id, input.appeal && !isCaseNumber(input.appeal) ? input.appeal : undefined);
  if (drive) return drive;
  return refuseWithoutDrive(input.appeal ? await findAppeal(input.appeal, deps) : undefined, ctx, deps);
}

/**
 * "12 actions by 9 members (40% of the goal of 30)". A campaign's total (a tally with several
 * `cases`) names actions only: a member acting on two cases is one person, counted in each.
 */
export function tallyText(t: Translate, tally: TallySummary & { cases?: readonly unknown[] }, goal?: number | null): string {
  const summary =
    tally.cases && tally.cases.length > 1
      ? t('tally_campaign', { actions: t('tally_actions', { count: tally.actions }), cases: tally.cases.length })
      : t('tally_summary', {
          actions: t('tally_actions', { count: tally.actions }),
          members: t('tally_members', { count: tally.members }),
        });
  if (!goal) return summary;
  return `${summary} (${t('tally_goal', { percent: percentOf(tally.actions, goal), goal })})`;
}

export function percentOf(actions: number, goal: number): number {
  return Math.floor((actions / goal) * 100);
}

/** A text progress bar that reads the same on every platform: ▓▓▓▓░░░░░░ 40%. */
export function progressBar(actions: number, goal: number): string {
  const percent = percentOf(actions, goal);
  const filled = Math.min(10, Math.floor(percent / 10));
  return `${'▓'.repeat(filled)}${'░'.repeat(10 - filled)} ${percent}%`;
}

/** "3 days left: until Tuesday 1 July", in the drive's time zone and the member's language. */
export function timeLeftText(t: Translate, drive: Drive, now: Date, locale: string): string {
  const date = longDate(drive.deadline, locale, localDate(now, drive.timezone).slice(0, 4) !== drive.deadline.slice(0, 4));
  if (drive.status === 'ended') return t('ended_early');
  if (!isOpen(drive, now)) return t('closed_on', { date });
  const days = daysBetween(localDate(now, drive.timezone), drive.deadline);
  return days === 0 ? t('last_day', { date }) : t('days_left', { count: days, date });
}

/** Days left before the drive closes, counted in its time zone (0 on the last day). */
export function daysLeft(drive: Drive, now: Date): number {
  return now < closesAt(drive) ? daysBetween(localDate(now, drive.timezone), drive.deadline) : -1;
}

/** "Tuesday 1 July", with the year when it is not this year's. */
export function longDate(date: string, locale: string, withYear = false): string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  return format.format(new Date(`${date}T12:00:00Z`));
}

/**
 * The methods an appeal's targets allow: phone only where one has a phone, social only where one has
 * a handle; `other` always; `card` where the appeal has a solidarity part.
 */
export function methodsOffered(appeal: Appeal): Method[] {
  const has = (m: Method) =>
    m === 'card' ? Boolean(appeal.solidarity) :
    appeal.targets.some((target) =>
      m === 'email' ? target.emails.length > 0 : m === 'post' ? target.address.length > 0 : m === 'phone' ? Boolean(target.phone) : m === 'social' ? target.social.length > 0 : true,
    );
  return METHODS.filter(has);
}

/** Buttons recording a method for the drive (and, in a campaign, its case number). */
export function methodButtons(t: Translate, drive: Drive, methods: readonly Method[] = METHODS, caseNumber?: number): Button[] {
  const which = caseNumber !== undefined && drive.cases.length > 1 ? ` ${caseNumber}` : '';
  return methods.map((m) => actionButton(t(`button_${m}`), `acted ${m}${which} drive=${drive.id}`, m === 'email' ? 'primary' : undefined));
}

/** A campaign's cases as numbered buttons running `command CASE drive=ID` (sent privately). */
export async function caseButtons(command: string, drive: Drive, deps: Deps): Promise<Button[]> {
  return Promise.all(
    drive.cases.map(async (c, i) => {
      const appeal = await deps.appeals.get(c.appealId);
      return actionButton(`${i + 1}. ${clip(appeal?.title ?? c.appealId, 40)}`, `${command} ${i + 1} drive=${drive.id}`);
    }),
  );
}

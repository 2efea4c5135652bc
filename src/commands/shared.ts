import type { Appeal } from '../core/appeal.js';
import { closesAt, isOpen, METHODS, type Drive, type Method } from '../core/drive.js';
import { UserInputError } from '../core/errors.js';
import type { Translate } from '../core/i18n/index.js';
import type { Tally } from '../core/ledger/ledger.js';
import { actionButton, type Button } from '../core/reply.js';
import { daysBetween, localDate } from '../core/time.js';
import type { CommandContext, Deps } from './types.js';

/** Options of the commands that act on one's own action: /acted and /undo (and their buttons). */
export const actionOptions = [
  { name: 'method', kind: 'method', description: 'opt_method', positional: true },
  { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
  { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
] as const;

export async function findAppeal(id: string, deps: Deps): Promise<Appeal> {
  const appeal = await deps.appeals.get(id);
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
  throw new UserInputError('bad_option', { option: 'method', kind: 'method', command, usage: `/${command} email|post|phone|social|other [APPEAL]` });
}

/**
 * The drive and appeal a member command is about: a button's drive id, else the open drive for the
 * named appeal, else the space's only open drive. `drive` is undefined when none runs.
 */
export async function driveAndAppeal(
  input: { appeal?: string; drive?: string },
  ctx: CommandContext,
  deps: Deps,
  options: { needDrive: boolean },
): Promise<{ drive?: Drive; appeal: Appeal }> {
  if (input.drive) {
    const drive = await deps.drives.get(input.drive);
    if (!drive) throw new UserInputError('button_expired');
    return { drive, appeal: await findAppeal(drive.appealId, deps) };
  }
  const drive = await deps.drives.resolve(ctx.space.id, input.appeal);
  if (drive) return { drive, appeal: await findAppeal(drive.appealId, deps) };
  if (input.appeal) {
    const appeal = await findAppeal(input.appeal, deps);
    if (options.needDrive) throw new UserInputError('no_drive');
    return { appeal };
  }
  if (options.needDrive) throw new UserInputError('no_drive');
  const known = (await deps.appeals.list()).map((a) => a.id).join(', ');
  throw new UserInputError('no_drive_name_appeal', { appeals: known || '-' });
}

/** The open drive a moderator command is about: a button's drive id, the named appeal's, or the only one. */
export async function openDrive(input: { appeal?: string; drive?: string }, ctx: CommandContext, deps: Deps): Promise<Drive> {
  const drive = input.drive ? await deps.drives.get(input.drive) : await deps.drives.resolve(ctx.space.id, input.appeal);
  if (!drive || !isOpen(drive, ctx.now)) throw new UserInputError('no_drive');
  return drive;
}

/** "12 actions by 9 members (40% of the goal of 30)". */
export function tallyText(t: Translate, tally: Tally, goal?: number | null): string {
  const summary = t('tally_summary', {
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

export function methodButtons(t: Translate, drive: Drive, methods: readonly Method[] = METHODS): Button[] {
  return methods.map((m) => actionButton(t(`button_${m}`), `acted ${m} drive=${drive.id}`, m === 'email' ? 'primary' : undefined));
}

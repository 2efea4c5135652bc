// Campaigns: the operator's campaign files (several appeals run as one drive) and a drive's tally
// summed over its cases.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { appealIdSchema } from './appeal.js';
import { roundKeys, type Drive, type DriveCase } from './drive.js';
import { emptyTally, type SeriesPoint, type Tally } from './ledger/ledger.js';
import { isCalendarDate } from './time.js';

/** A campaign file (`campaigns/<id>.yaml|json` beside the appeals): the appeals in order, dates, a goal. */
export const campaignSchema = z.object({
  id: appealIdSchema,
  title: z.string().trim().min(1).max(200),
  appeals: z.array(appealIdSchema).min(1).max(30).refine((ids) => new Set(ids).size === ids.length, 'an appeal is listed twice'),
  starts: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD').optional(),
  deadline: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD').optional(),
  goal: z.number().int().positive().max(10_000_000).optional(),
});

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignProblem = { path: string; message: string };

/**
 * Loads every campaign file in `<appealsDir>/campaigns`; a bad file is reported by path and field and
 * the rest still load. No folder, no campaigns.
 */
export async function loadCampaignFiles(appealsDir: string): Promise<{ campaigns: Campaign[]; problems: CampaignProblem[] }> {
  const dir = join(appealsDir, 'campaigns');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => ['.json', '.yaml', '.yml'].includes(extname(n))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return { campaigns: [], problems: [] };
    throw error;
  }
  const campaigns: Campaign[] = [];
  const problems: CampaignProblem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let data: unknown;
    try {
      const text = await readFile(path, 'utf8');
      data = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      problems.push({ path, message: `not readable: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const parsed = campaignSchema.safeParse(data);
    if (!parsed.success) {
      problems.push({ path, message: parsed.error.issues.slice(0, 3).map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') });
    } else if (campaigns.some((c) => c.id === parsed.data.id)) {
      problems.push({ path, message: `id "${parsed.data.id}" is already used` });
    } else {
      campaigns.push(parsed.data);
    }
  }
  return { campaigns, problems };
}

/** One round of a case: its number and its own count (round 1 is the appeal's first call). */
export type RoundTally = { round: number; tally: Tally };

/** One case's count within its drive: the sum of its rounds, and each round apart. */
export type CaseTally = { number: number; appealId: string; goal: number | null; status: 'active' | 'ended'; round: number; rounds: RoundTally[]; tally: Tally };

/**
 * A drive's tally: its cases' tallies summed (actions, methods, spaces, platforms). A member acting on
 * two cases counts once in each, so `members` of a campaign is member-cases, not distinct people;
 * `cases` says how many there are, and wordings of a campaign's total name actions only. The same
 * holds for rounds: a member who acted in rounds 1 and 2 is in both rounds' counts and twice in the sum.
 */
export type DriveTally = Tally & { cases: CaseTally[] };

type TallyReader = { tally(appealId: string): Promise<Tally> };

/** Adds `from` into `total` (actions, members, methods, spaces, platforms). */
function addInto(total: Tally, from: Tally): void {
  const add = <K extends string>(into: Partial<Record<K, number>>, more: Partial<Record<K, number>>) => {
    for (const [key, n] of Object.entries(more) as Array<[K, number]>) into[key] = (into[key] ?? 0) + n;
  };
  total.actions += from.actions;
  total.members += from.members;
  add(total.byMethod, from.byMethod);
  add(total.bySpace, from.bySpace);
  add(total.byPlatform, from.byPlatform);
}

/** Tallies summed under one appeal id. */
export function sumTallies(appealId: string, tallies: readonly Tally[]): Tally {
  const total = emptyTally(appealId);
  for (const tally of tallies) addInto(total, tally);
  return total;
}

/** An appeal's rounds 1..`rounds`, each counted apart, and their sum. */
export async function appealTally(ledger: TallyReader, appealId: string, rounds: number): Promise<{ tally: Tally; rounds: RoundTally[] }> {
  const each = await Promise.all(roundKeys(appealId, rounds).map((key) => ledger.tally(key)));
  return { tally: sumTallies(appealId, each), rounds: each.map((tally, i) => ({ round: i + 1, tally: { ...tally, appealId } })) };
}

/** One case of a drive: its rounds and their sum. */
export async function caseTally(ledger: TallyReader, entry: Pick<DriveCase, 'appealId' | 'round'>): Promise<Tally> {
  return (await appealTally(ledger, entry.appealId, entry.round)).tally;
}

export async function driveTally(ledger: TallyReader, drive: Pick<Drive, 'cases'>): Promise<DriveTally> {
  const perCase = await Promise.all(drive.cases.map((c) => appealTally(ledger, c.appealId, c.round)));
  const total = sumTallies(drive.cases[0]!.appealId, perCase.map((p) => p.tally));
  const cases = drive.cases.map((c, i) => ({ number: i + 1, appealId: c.appealId, goal: c.goal, status: c.status, round: c.round, rounds: perCase[i]!.rounds, tally: perCase[i]!.tally }));
  return { ...total, cases };
}

/** A drive's hourly series in its space, its cases' (and their rounds') counts added hour by hour. */
export async function driveSeries(ledger: { series(appealId: string, space?: string): Promise<SeriesPoint[]> }, drive: Pick<Drive, 'cases' | 'space'>): Promise<SeriesPoint[]> {
  const all = await Promise.all(drive.cases.flatMap((c) => roundKeys(c.appealId, c.round)).map((key) => ledger.series(key, drive.space)));
  if (all.length === 1) return all[0]!;
  const merged = new Map<string, SeriesPoint>();
  for (const point of all.flat()) {
    const key = `${point.hour}|${point.method}`;
    const known = merged.get(key);
    merged.set(key, known ? { ...known, count: known.count + point.count } : { ...point });
  }
  return [...merged.values()].sort((a, b) => (a.hour === b.hour ? a.method.localeCompare(b.method) : a.hour.localeCompare(b.hour)));
}

// Campaigns: the operator's campaign files (several appeals run as one drive) and a drive's tally
// summed over its cases.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { appealIdSchema } from './appeal.js';
import type { Drive } from './drive.js';
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

/** One case's count within its drive. */
export type CaseTally = { number: number; appealId: string; goal: number | null; status: 'active' | 'ended'; tally: Tally };

/**
 * A drive's tally: its cases' tallies summed (actions, methods, spaces, platforms). A member acting on
 * two cases counts once in each, so `members` of a campaign is member-cases, not distinct people;
 * `cases` says how many there are, and wordings of a campaign's total name actions only.
 */
export type DriveTally = Tally & { cases: CaseTally[] };

export async function driveTally(ledger: { tally(appealId: string): Promise<Tally> }, drive: Pick<Drive, 'cases'>): Promise<DriveTally> {
  const tallies = await Promise.all(drive.cases.map((c) => ledger.tally(c.appealId)));
  const total = emptyTally(drive.cases[0]!.appealId);
  const add = <K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>) => {
    for (const [key, n] of Object.entries(from) as Array<[K, number]>) into[key] = (into[key] ?? 0) + n;
  };
  for (const tally of tallies) {
    total.actions += tally.actions;
    total.members += tally.members;
    add(total.byMethod, tally.byMethod);
    add(total.bySpace, tally.bySpace);
    add(total.byPlatform, tally.byPlatform);
  }
  const cases = drive.cases.map((c, i) => ({ number: i + 1, appealId: c.appealId, goal: c.goal, status: c.status, tally: tallies[i]! }));
  return { ...total, cases };
}

/** A drive's hourly series in its space, its cases' counts added hour by hour. */
export async function driveSeries(ledger: { series(appealId: string, space?: string): Promise<SeriesPoint[]> }, drive: Pick<Drive, 'cases' | 'space'>): Promise<SeriesPoint[]> {
  const all = await Promise.all(drive.cases.map((c) => ledger.series(c.appealId, drive.space)));
  if (all.length === 1) return all[0]!;
  const merged = new Map<string, SeriesPoint>();
  for (const point of all.flat()) {
    const key = `${point.hour}|${point.method}`;
    const known = merged.get(key);
    merged.set(key, known ? { ...known, count: known.count + point.count } : { ...point });
  }
  return [...merged.values()].sort((a, b) => (a.hour === b.hour ? a.method.localeCompare(b.method) : a.hour.localeCompare(b.hour)));
}

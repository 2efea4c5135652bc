// The report CSV, streamed page by page from the ledger (and a drive's table entries), yielding the
// event loop between pages.
import { csvLines } from '../csv.js';
import { platformOf } from '../drive.js';
import type { ActionRow } from '../ledger/ledger.js';
import type { TableEntry } from '../tally-book.js';

/**
 * One CSV for members' actions and moderators' table entries: `kind` says which (`member`, one
 * action, count 1; `table`, letters written together, with the moderator's key, the day written
 * and the note), `count` how many letters the row stands for, so a column sum is the report's total.
 */
export const ACTIONS_CSV_HEADER = ['kind', 'time', 'space', 'platform', 'appeal', 'method', 'count', 'member_key', 'date', 'note'] as const;

/** A member's action, with the appeal (case) it counts for when the export spans several. */
export type MemberCsvRow = ActionRow & { appeal?: string };
export type CsvRow = MemberCsvRow | ({ kind: 'table' } & TableEntry);

/** Rows as a spreadsheet reads them; cells are neutralised by csvLines (src/core/csv.ts). */
const cells = (r: CsvRow): string[] =>
  'kind' in r
    ? ['table', r.recordedAt, r.space, platformOf(r.space), r.appealId, r.method, String(r.count), r.moderator ?? '', r.date, r.note ?? '']
    : ['member', r.at, r.space, r.platform, r.appeal ?? '', r.method, '1', r.member, r.at.slice(0, 10), ''];

/** Every row in one CSV text: for small sets (tests, a few rows); exports stream instead. */
export function actionsCsv(rows: readonly CsvRow[]): string {
  return csvLines([ACTIONS_CSV_HEADER, ...rows.map(cells)]);
}

/** Lets other work run: a macrotask turn, so timers, I/O and other groups' commands go first. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** An appeal's action rows, each naming the appeal (a campaign's report spans several). */
export async function* ofAppeal(rows: AsyncIterable<ActionRow>, appeal: string): AsyncIterable<MemberCsvRow> {
  for await (const row of rows) yield { ...row, appeal };
}

/** Table entries as CSV rows, after the members' rows. */
export async function* withTableEntries(rows: AsyncIterable<MemberCsvRow>, entries: readonly TableEntry[]): AsyncIterable<CsvRow> {
  yield* rows;
  for (const entry of entries) yield { kind: 'table', ...entry };
}

/**
 * The CSV of an export as chunks of `rowsPerChunk` rows (the header first), built as the rows come:
 * memory holds one chunk, whatever the appeal's size. Between chunks the event loop gets a turn, so
 * a long export never holds up the bot's other work.
 */
export async function* actionsCsvChunks(rows: AsyncIterable<CsvRow>, rowsPerChunk = 1000): AsyncIterable<string> {
  yield csvLines([ACTIONS_CSV_HEADER]);
  let page: string[][] = [];
  for await (const row of rows) {
    page.push(cells(row));
    if (page.length >= rowsPerChunk) {
      yield csvLines(page);
      page = [];
      await yieldToLoop();
    }
  }
  if (page.length > 0) yield csvLines(page);
}

// The actions CSV, streamed page by page from the ledger, yielding the event loop between pages.
import { csvLines } from '../csv.js';
import type { ActionRow } from '../ledger/ledger.js';

export const ACTIONS_CSV_HEADER = ['time', 'space', 'platform', 'method', 'member_key'] as const;

/** Rows as a spreadsheet reads them; cells are neutralised by csvLines (src/core/csv.ts). */
const cells = (r: ActionRow) => [r.at, r.space, r.platform, r.method, r.member];

/** Every action in one CSV text: for small sets (tests, a few rows); exports stream instead. */
export function actionsCsv(rows: readonly ActionRow[]): string {
  return csvLines([ACTIONS_CSV_HEADER, ...rows.map(cells)]);
}

/** Lets other work run: a macrotask turn, so timers, I/O and other groups' commands go first. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The CSV of a ledger export as chunks of `rowsPerChunk` rows (the header first), built as the rows
 * come: memory holds one chunk, whatever the appeal's size. Between chunks the event loop gets a
 * turn, so a long export never holds up the bot's other work.
 */
export async function* actionsCsvChunks(rows: AsyncIterable<ActionRow>, rowsPerChunk = 1000): AsyncIterable<string> {
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

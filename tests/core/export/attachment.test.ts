import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportAttachment, PLAIN_CSV_MAX_BYTES } from '../../../src/core/export/attachment.js';
import { actionsCsv, actionsCsvChunks } from '../../../src/core/export/csv-stream.js';
import type { ActionRow } from '../../../src/core/ledger/ledger.js';

/** Rows with random member keys, as the ledger stores them: they compress about as real exports do. */
function rows(n: number): ActionRow[] {
  return Array.from({ length: n }, (_, i) => ({
    at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
    space: `telegram:-${100 + (i % 50)}`,
    platform: 'telegram',
    method: 'email',
    member: randomBytes(32).toString('base64url'),
  }));
}

async function* slowly(all: ActionRow[]): AsyncIterable<ActionRow> {
  for (const row of all) yield row;
}

const text = (data: Uint8Array) => Buffer.from(data).toString('utf8');

describe('CSV exports as chat attachments', () => {
  it('streams the same CSV as the one-shot export, header first, neutralised cells included', async () => {
    const all = [...rows(2_500), { at: '2026-11-28T10:00:00.000Z', space: 'shell:local', platform: 'shell', method: 'email' as const, member: '=cmd' }];
    const chunks: string[] = [];
    for await (const chunk of actionsCsvChunks(slowly(all), 1_000)) chunks.push(chunk);
    expect(chunks).toHaveLength(4);
    expect(chunks.join('')).toBe(actionsCsv(all));
    expect(chunks.join('')).toContain(",email,1,'=cmd,2026-11-28,\r\n");
  });

  it('lets other work run between pages, even when the rows arrive without any I/O', async () => {
    let turns = 0;
    const tick = () => {
      turns++;
      if (turns < 1_000) setImmediate(tick);
    };
    setImmediate(tick);
    let chunks = 0;
    for await (const chunk of actionsCsvChunks(slowly(rows(5_000)), 1_000)) chunks += chunk.length > 0 ? 1 : 0;
    expect(chunks).toBe(6);
    // One turn of the loop at least per page of 1,000 rows.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('sends a small export as plain CSV', async () => {
    const all = rows(10);
    const file = await exportAttachment(actionsCsvChunks(slowly(all)), { name: 'ua-1-actions', maxBytes: 10_000_000 });
    expect(file.fits).toBe(true);
    if (!file.fits) return;
    expect(file.attachment).toMatchObject({ name: 'ua-1-actions.csv', mimeType: 'text/csv' });
    expect(text(file.attachment.data)).toBe(actionsCsv(all));
  });

  it('gzips an export over the plain size, and the gzip holds the whole CSV', async () => {
    const all = rows(15_000);
    const csv = actionsCsv(all);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(PLAIN_CSV_MAX_BYTES);
    const file = await exportAttachment(actionsCsvChunks(slowly(all)), { name: 'ua-1-actions', maxBytes: 10_000_000 });
    expect(file.fits).toBe(true);
    if (!file.fits) return;
    expect(file.attachment).toMatchObject({ name: 'ua-1-actions.csv.gz', mimeType: 'application/gzip' });
    expect(file.attachment.data.byteLength).toBeLessThan(Buffer.byteLength(csv));
    expect(text(gunzipSync(file.attachment.data))).toBe(csv);
  });

  it('answers that it does not fit when even the gzip passes the limit, and stops reading there', async () => {
    let read = 0;
    async function* counted(): AsyncIterable<ActionRow> {
      for (const row of rows(30_000)) {
        read++;
        yield row;
      }
    }
    const file = await exportAttachment(actionsCsvChunks(counted()), { name: 'ua-1-actions', maxBytes: 200_000 });
    expect(file).toMatchObject({ fits: false });
    if (file.fits) return;
    expect(file.gzipBytes).toBeGreaterThan(200_000);
    expect(read).toBeLessThan(30_000);
  });
});

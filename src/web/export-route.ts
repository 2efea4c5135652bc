// The export download route: checks a signed link and streams the CSV, gzipped for clients that
// accept it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Logger } from '../commands/index.js';
import { actionsCsvChunks, ofAppeal } from '../core/export/csv-stream.js';
import type { ExportTokens } from '../core/export/link.js';
import { pickLocale, translator, type MessageKey } from '../core/i18n/index.js';
import type { ActionLedger } from '../core/ledger/ledger.js';
import { rowsOfCommunity } from '../core/walls.js';
import type { Route } from './server.js';

export type ExportRouteOptions = {
  tokens: ExportTokens;
  ledger: Pick<ActionLedger, 'exportRows'>;
  appeals: { get(id: string): Promise<unknown> };
  logger: Logger;
  /** Downloads served at once by this process; more wait for a 503 (default 2). */
  maxConcurrent?: number;
};

const PATH = /^\/export\/([^/]{1,200})$/;

/**
 * `GET /export/<token>`: the CSV of the token's appeal, streamed as the ledger reads it (gzip when
 * the client takes it, which every browser and `curl --compressed` does). Read-only: a forged,
 * altered or unknown token is 404, an expired one 410, and neither writes anything. The token is a
 * credential, so it is never logged.
 */
export function exportRoute(options: ExportRouteOptions): Route {
  const maxConcurrent = options.maxConcurrent ?? 2;
  let running = 0;
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/export/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed.\n');
      return true;
    }
    const say = (status: number, key: MessageKey, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(`${translator(pickLocale(req.headers['accept-language']))(key)}\n`);
      return true;
    };
    const token = PATH.exec(url.pathname)?.[1];
    const check = token === undefined ? undefined : options.tokens.check(token);
    if (!check?.ok) return say(check?.reason === 'expired' ? 410 : 404, check?.reason === 'expired' ? 'export_link_expired' : 'export_link_invalid');
    if (running >= maxConcurrent) return say(503, 'export_link_busy', { 'retry-after': '60' });
    running++;
    try {
      if (!(await options.appeals.get(check.appealId))) return say(404, 'export_link_invalid');
      await send(req, res, check.appealId, options, check.community);
    } catch (error) {
      // Handled here, not by the server's catch-all, which would log the path and with it the token.
      options.logger.error({ err: error, appealId: check.appealId }, 'export download failed');
      if (res.headersSent) res.destroy();
      else say(503, 'export_link_failed', { 'retry-after': '60' });
    } finally {
      running--;
    }
    return true;
  };
}

async function send(req: IncomingMessage, res: ServerResponse, appealId: string, options: ExportRouteOptions, community?: string): Promise<void> {
  const gzip = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${appealId}-actions.csv"`,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    vary: 'accept-encoding',
    // A private file: no cache on the way may keep it, no search engine may list the address.
    'cache-control': 'private, no-store',
    'x-robots-tag': 'noindex',
  });
  if (req.method === 'HEAD') return void res.end();
  // A moderator's link gives their community's rows only (the token says which, signed).
  const csv = Readable.from(actionsCsvChunks(ofAppeal(rowsOfCommunity(options.ledger.exportRows(appealId), community), appealId)));
  try {
    // pipeline waits for the client to drain: memory holds a page or two, whatever the appeal's size.
    await (gzip ? pipeline(csv, createGzip({ level: 6 }), res) : pipeline(csv, res));
  } catch (error) {
    // A client that went away just ends the read. Any other error (the store, mid-file) is thrown on,
    // and the connection is cut, so that a truncated file is never taken for a whole one.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}

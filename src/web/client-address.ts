// The client's address behind trusted proxies (TRUST_PROXY): what the live page's caps and the logs
// use.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * Which proxies in front of the bot are trusted to say who the client is (TRUST_PROXY): none (the
 * socket's address is the client's), a number of proxies in a row, or the proxies' own addresses.
 */
export type TrustProxy = { hops: number } | { addresses: ReadonlySet<string> } | undefined;

/** TRUST_PROXY's value: unset, `false` or `0` trust nobody; `1`-`10` that many proxies; else addresses, comma-separated. */
export function parseTrustProxy(value: string | undefined): TrustProxy | { error: string } {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return undefined;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? { hops } : { error: 'must be a number of proxies (1-10) or their addresses, comma-separated' };
  }
  const addresses = text.split(',').map((a) => normal(a.trim()));
  const bad = addresses.find((a) => isIP(a) === 0);
  if (bad !== undefined) return { error: `"${bad}" is not an IP address (give the number of proxies, or their addresses, comma-separated)` };
  return { addresses: new Set(addresses) };
}

/** An IPv4 address reached over IPv6 (`::ffff:10.0.0.1`) is the IPv4 address. */
function normal(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address. `X-Forwarded-For` is a list anyone can start (a client writes what it likes
 * at its left end); each proxy appends the address it received the request from. So the client is the
 * entry the trusted proxy nearest the client appended: counted from the right, past the trusted ones.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const socket = normal(req.socket.remoteAddress ?? 'unknown');
  if (!trust) return socket;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => normal(a.trim()))
    .filter(Boolean);
  const chain = [...forwarded, socket];
  if ('hops' in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  let at = chain.length - 1;
  while (at > 0 && trust.addresses.has(chain[at]!)) at -= 1;
  return chain[at]!;
}

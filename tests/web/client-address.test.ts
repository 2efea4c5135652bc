import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/app/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { clientAddress, parseTrustProxy, type TrustProxy } from '../../src/web/client-address.js';

const request = (socket: string, forwarded?: string) => ({ socket: { remoteAddress: socket }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;
const trust = (value: string) => parseTrustProxy(value) as TrustProxy;

describe('the client address behind proxies (TRUST_PROXY)', () => {
  it('is the connection itself when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), undefined)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:203.0.113.9'), undefined)).toBe('203.0.113.9');
  });

  it('with one proxy, is the address that proxy added, not the leftmost that anyone can write', () => {
    // A client wrote "1.2.3.4" itself; the proxy appended the address it saw (198.51.100.7).
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.7'), trust('1'))).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.2', '198.51.100.7'), trust('1'))).toBe('198.51.100.7');
    // Two proxies in a row (a CDN, then nginx).
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.7, 172.16.0.5'), trust('2'))).toBe('198.51.100.7');
    // A request that came around the proxy carries no header: its own address.
    expect(clientAddress(request('198.51.100.8'), trust('1'))).toBe('198.51.100.8');
  });

  it("with the proxies' addresses, walks back past them only", () => {
    const proxies = trust('10.0.0.2, 172.16.0.5');
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.7, 172.16.0.5'), proxies)).toBe('198.51.100.7');
    // Not from a trusted proxy: the header is ignored.
    expect(clientAddress(request('203.0.113.50', '1.2.3.4'), proxies)).toBe('203.0.113.50');
  });

  it('is off by default and refuses a value it cannot read, naming the variable', () => {
    expect(parseConfig({ WEB_PORT: '8080' }).web?.trustProxy).toBeUndefined();
    expect(parseConfig({ WEB_PORT: '8080', TRUST_PROXY: '1' }).web?.trustProxy).toEqual({ hops: 1 });
    const error = (() => {
      try {
        parseConfig({ WEB_PORT: '8080', TRUST_PROXY: 'nginx' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('TRUST_PROXY');
  });
});

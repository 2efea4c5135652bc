import { describe, expect, it } from 'vitest';
import { ConfigError, StoreError } from '../../src/core/errors.js';
import { openStore } from '../../src/core/store.js';
import { aDrive } from '../support/drives.js';

describe('opening the store', () => {
  it('names STORE_URL when the scheme is unknown', async () => {
    await expect(openStore('mysql://localhost/x')).rejects.toBeInstanceOf(ConfigError);
    await expect(openStore('mysql://localhost/x')).rejects.toThrow(/^STORE_URL: expected sqlite:\/\/PATH or redis:\/\/HOST:PORT/);
  });

  it('says in one line that an unreachable Redis does not answer', async () => {
    const started = Date.now();
    const error = await openStore('redis://127.0.0.1:1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:1 does not answer/);
    expect((error as Error).message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('says which SQLite file cannot be opened or created', async () => {
    await expect(openStore('sqlite:///etc/passwd')).rejects.toThrow('the SQLite store at /etc/passwd cannot be opened: SQLITE_NOTADB');
    await expect(openStore('sqlite:///etc/passwd/x.sqlite')).rejects.toBeInstanceOf(StoreError);
  });

  it('gives a typed error, not a reset count, when the store goes away', async () => {
    const store = await openStore('sqlite://:memory:');
    await store.close();
    const drive = aDrive({ appealId: 'ua-1' });
    await expect(store.ledger.record({ drive, member: 'm', method: 'email', at: new Date() })).rejects.toBeInstanceOf(StoreError);
    await expect(store.ledger.tally('ua-1')).rejects.toBeInstanceOf(StoreError);
  });
});

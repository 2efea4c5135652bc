// keyv's storage adapter on the SQLite file's own connection.
import type { SqliteFile } from './sqlite-file.js';

/**
 * keyv's storage on the ledger's own connection: a Map-like store (get/set/delete/clear and the
 * batch forms) over the `keyv` table that @keyv/sqlite used, so data written by release 0.1 reads
 * back. keyv serialises values (with their expiry) to text before they get here.
 */
export class SqliteKeyvStore {
  /** Set by keyv: keys arrive already prefixed with it. */
  namespace?: string;
  /** Tells keyv that this store can be iterated (`kv.iterator`), as @keyv/sqlite could. */
  readonly opts: { dialect: 'sqlite'; url: string };

  constructor(private readonly file: SqliteFile) {
    this.opts = { dialect: 'sqlite', url: `sqlite://${file.path}` };
  }

  /** Every document of the namespace, a page at a time (keyset pages, so writes in between are safe). */
  async *iterator(namespace?: string): AsyncGenerator<[string, string]> {
    const prefix = namespace ? `${namespace}:` : '';
    let after = '';
    for (;;) {
      const page = await this.file.run('read documents', () =>
        this.statement('SELECT key, value FROM keyv WHERE substr(key, 1, ?) = ? AND key > ? ORDER BY key LIMIT 500').all(prefix.length, prefix, after) as Array<{ key: string; value: string }>,
      );
      for (const { key, value } of page) yield [key, value];
      if (page.length < 500) return;
      after = page[page.length - 1]!.key;
    }
  }

  get(key: string): Promise<string | undefined> {
    return this.file.run('read a document', () => (this.statement('SELECT value FROM keyv WHERE key = ?').get(key) as { value: string } | undefined)?.value);
  }

  getMany(keys: string[]): Promise<Array<string | undefined>> {
    return this.file.run('read documents', () => {
      const select = this.statement('SELECT value FROM keyv WHERE key = ?');
      return keys.map((key) => (select.get(key) as { value: string } | undefined)?.value);
    });
  }

  has(key: string): Promise<boolean> {
    return this.file.run('read a document', () => this.statement('SELECT 1 FROM keyv WHERE key = ?').get(key) !== undefined);
  }

  async set(key: string, value: string): Promise<boolean> {
    await this.file.run('write a document', () => this.statement('INSERT INTO keyv(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value));
    return true;
  }

  setMany(entries: Array<{ key: string; value: string }>): Promise<boolean[]> {
    return this.file.run('write documents', () =>
      this.file.db.transaction(() => {
        const upsert = this.statement('INSERT INTO keyv(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
        return entries.map(({ key, value }) => upsert.run(key, value).changes > 0);
      }).immediate(),
    );
  }

  delete(key: string): Promise<boolean> {
    return this.file.run('delete a document', () => this.statement('DELETE FROM keyv WHERE key = ?').run(key).changes > 0);
  }

  deleteMany(keys: string[]): Promise<boolean> {
    return this.file.run('delete documents', () =>
      this.file.db.transaction(() => {
        const remove = this.statement('DELETE FROM keyv WHERE key = ?');
        return keys.reduce((any, key) => remove.run(key).changes > 0 || any, false);
      }).immediate(),
    );
  }

  /** Deletes this namespace's documents only. */
  async clear(): Promise<void> {
    const prefix = `${this.namespace ?? ''}:`;
    await this.file.run('clear documents', () => this.statement('DELETE FROM keyv WHERE substr(key, 1, ?) = ?').run(prefix.length, prefix));
  }

  async disconnect(): Promise<void> {
    // The connection belongs to the store, which closes it.
  }

  private statement(sql: string) {
    return this.file.statement(sql);
  }
}

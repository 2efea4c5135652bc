// Which community an appeal belongs to and every change made to it (who, when, where, what): one
// small repository.
import type Keyv from 'keyv';
import { guarded, type Mutex } from './guard.js';

/** Who staged an import preview: a member key and the community it was asked in. */
export type StagedOwner = { member: string; community: string };

/** Who changes an appeal, for its history: a member key, `operator` or `cli`, and where from. */
export type ChangeBy = { who: string; where: string };

/** One change to an appeal: who (a member key, `operator` or `cli`), when, where, what. */
export type AppealChange = {
  at: string;
  id: string;
  who: string;
  /** The space the change was made from, or `cli`. */
  where: string;
  action: 'saved' | 'replaced' | 'translation' | 'published' | 'reverted' | 'kept';
  /** The fields that differ from what was there before (`targets`, `letter`...); all of them for a new appeal. */
  changed: string[];
  /** The community the appeal is offered in; absent for the shared catalog. */
  community?: string;
};

/**
 * Where each saved appeal is offered (a community, or the shared catalog) and every change made to
 * appeals. Kept in the key-value store for now; a table can replace it behind this interface.
 */
export interface AppealScopeRepository {
  /** The community an appeal was saved for; undefined for the shared catalog. */
  scopeOf(id: string): Promise<string | undefined>;
  /** Ids of every appeal saved for a community (all communities when none is named). */
  scopedIds(community?: string): Promise<string[]>;
  /** Saves the appeal's scope: a community, or undefined to make it shared. */
  setScope(id: string, community: string | undefined): Promise<void>;
  record(change: AppealChange): Promise<void>;
  /** Changes, oldest first: of one appeal, or of every appeal. */
  history(id?: string): Promise<AppealChange[]>;
}

/** Entries kept per appeal: older ones fall off (the newest say what the appeal is now). */
const MAX_HISTORY = 200;

export class KeyvAppealScopes implements AppealScopeRepository {
  constructor(
    private readonly kv: Keyv,
    private readonly mutex: Mutex,
  ) {}

  async scopeOf(id: string): Promise<string | undefined> {
    return (await this.read(`appeal-scope:${id}`)) as string | undefined;
  }

  async scopedIds(community?: string): Promise<string[]> {
    const ids = ((await this.read('appeals:scoped')) as string[] | undefined) ?? [];
    if (community === undefined) return ids;
    const scopes = await Promise.all(ids.map((id) => this.scopeOf(id)));
    return ids.filter((_, i) => scopes[i] === community);
  }

  async setScope(id: string, community: string | undefined): Promise<void> {
    await this.mutex.run('appeal-scopes', () =>
      guarded('appeals', async () => {
        const ids = ((await this.kv.get('appeals:scoped')) as string[] | undefined) ?? [];
        if (community === undefined) {
          await this.kv.delete(`appeal-scope:${id}`);
          if (ids.includes(id)) await this.kv.set('appeals:scoped', ids.filter((x) => x !== id));
          return;
        }
        await this.kv.set(`appeal-scope:${id}`, community);
        if (!ids.includes(id)) await this.kv.set('appeals:scoped', [...ids, id]);
      }),
    );
  }

  async record(change: AppealChange): Promise<void> {
    await this.mutex.run('appeal-history', () =>
      guarded('appeals', async () => {
        const entries = ((await this.kv.get(`appeal-history:${change.id}`)) as AppealChange[] | undefined) ?? [];
        await this.kv.set(`appeal-history:${change.id}`, [...entries, change].slice(-MAX_HISTORY));
        const ids = ((await this.kv.get('appeals:history')) as string[] | undefined) ?? [];
        if (!ids.includes(change.id)) await this.kv.set('appeals:history', [...ids, change.id]);
      }),
    );
  }

  async history(id?: string): Promise<AppealChange[]> {
    const ids = id !== undefined ? [id] : (((await this.read('appeals:history')) as string[] | undefined) ?? []);
    const lists = await Promise.all(ids.map(async (x) => ((await this.read(`appeal-history:${x}`)) as AppealChange[] | undefined) ?? []));
    return lists.flat().sort((a, b) => a.at.localeCompare(b.at));
  }

  private read(key: string): Promise<unknown> {
    return guarded('appeals', () => this.kv.get(key));
  }
}

/** The top-level fields in which two versions of an appeal differ. */
export function changedFields(before: object | undefined, after: object): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

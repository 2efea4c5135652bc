// Which community an appeal belongs to and every change made to it (who, when, where, what): one
// small repository.

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
 * appeals: tables on SQLite, a hash, lists and a sorted set on Redis (src/core/store/).
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

/**
 * Appeals saved in the store (imported for a community, or saved to the shared catalog), by id, as
 * they were stored: the catalog validates what it reads. A table on SQLite, a hash on Redis.
 */
export interface SavedAppealRepository {
  get(id: string): Promise<unknown>;
  /** The ids listed in the shared catalog, in the order they were first listed. */
  ids(): Promise<string[]>;
  /** Saves it; `list` also lists it in the shared catalog (a listing is kept when false). */
  put(id: string, appeal: unknown, list: boolean): Promise<void>;
  /** Deletes it and its listing. */
  delete(id: string): Promise<void>;
}

/** The top-level fields in which two versions of an appeal differ. */
export function changedFields(before: object | undefined, after: object): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

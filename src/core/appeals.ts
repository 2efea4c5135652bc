// The appeal catalog: appeal files loaded and validated (a bad file reported by path and field),
// plus imported appeals in the store.
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type Keyv from 'keyv';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { appealSchema, type Appeal } from './appeal.js';
import { changedFields, type AppealChange, type AppealScopeRepository, type ChangeBy, type SavedAppealRepository, type StagedOwner } from './appeal-scopes.js';

export type { ChangeBy, StagedOwner } from './appeal-scopes.js';
import { appealView, type AppealBook, type AppealViewer } from './appeal-view.js';
import { guarded } from './guard.js';

const STAGED_MS = 60 * 60 * 1000;


export type AppealProblem = { path: string; message: string };

/** "targets.0.emails.1: Invalid email address": the field at fault, then the schema's own words. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses and validates one appeal file's text (JSON or YAML by extension). */
export function parseAppealFile(path: string, text: string): { appeal: Appeal } | { problem: AppealProblem } {
  let data: unknown;
  try {
    data = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { problem: { path, message: `not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}` } };
  }
  const parsed = appealSchema.safeParse(data);
  if (!parsed.success) return { problem: { path, message: describeZodError(parsed.error) } };
  return { appeal: parsed.data };
}

/** Loads every `*.json`, `*.yaml` and `*.yml` in a folder; a bad file is reported and the rest still load. */
export async function loadAppealFiles(dir: string): Promise<{ appeals: Appeal[]; problems: AppealProblem[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => ['.json', '.yaml', '.yml'].includes(extname(n))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { appeals: [], problems: [] };
    throw error;
  }
  const appeals: Appeal[] = [];
  const problems: AppealProblem[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const result = parseAppealFile(path, await readFile(path, 'utf8'));
    if ('problem' in result) {
      problems.push(result.problem);
    } else if (seen.has(result.appeal.id)) {
      problems.push({ path, message: `id "${result.appeal.id}" is already used by ${seen.get(result.appeal.id)}` });
    } else {
      seen.set(result.appeal.id, path);
      appeals.push(result.appeal);
    }
  }
  return { appeals, problems };
}


/**
 * The appeals a drive can run. The shared catalog: the files shipped in `appeals/`, plus those the
 * operator saved, in the store so that every process sees them (a saved one replaces a file's).
 * Saved ones live in their repository (a table, a Redis hash); import previews are short-lived keyv
 * documents. Beside it, appeals a moderator imported for their community, offered only there (see
 * `appeal-view.ts`). Every change is recorded in `scopes`' history.
 */
export class AppealCatalog implements AppealBook {
  private readonly files: Map<string, Appeal>;
  readonly scopes: AppealScopeRepository;
  private readonly saved: SavedAppealRepository;
  /** The instance's own view: saves go to the shared catalog. */
  readonly shared = true;

  constructor(
    private readonly kv: Keyv,
    fileAppeals: Appeal[],
    repositories: { scopes: AppealScopeRepository; saved: SavedAppealRepository },
  ) {
    this.files = new Map(fileAppeals.map((a) => [a.id, a]));
    this.scopes = repositories.scopes;
    this.saved = repositories.saved;
  }

  /** The bundled file's version of an appeal, whatever was saved over it. */
  bundled(id: string): Appeal | undefined {
    return this.files.get(id);
  }

  /** Saved appeals of the shared catalog that replace a bundled file's (an import from before scopes). */
  async replacedBundled(): Promise<Array<{ id: string; fields: string[] }>> {
    const found: Array<{ id: string; fields: string[] }> = [];
    for (const id of await this.importedIds()) {
      const saved = await this.imported(id);
      const file = this.files.get(id);
      if (!saved || !file) continue;
      const fields = changedFields(file, saved);
      if (fields.length > 0) found.push({ id, fields });
    }
    return found;
  }

  /** The saved version goes; the bundled file's applies again. */
  async revert(id: string, by: ChangeBy, now: Date): Promise<void> {
    await this.write(() => this.saved.delete(id));
    await this.scopes.record({ at: now.toISOString(), id, ...by, action: 'reverted', changed: [] });
  }

  /** An appeal saved for a community: offered only there, under an id no other appeal has. */
  async saveFor(community: string, appeal: Appeal, by: ChangeBy, now: Date, action: AppealChange['action'] = 'saved'): Promise<void> {
    const valid = appealSchema.parse(appeal);
    const before = await this.imported(valid.id);
    await this.write(() => this.saved.put(valid.id, valid, false));
    await this.scopes.setScope(valid.id, community);
    await this.scopes.record({ at: now.toISOString(), id: valid.id, ...by, action: before && action === 'saved' ? 'replaced' : action, changed: changedFields(before, valid), community });
  }

  /** A community's appeal joins the shared catalog under its own id (offered everywhere). */
  async publish(id: string, by: ChangeBy, now: Date): Promise<Appeal | undefined> {
    const appeal = await this.imported(id);
    if (!appeal) return undefined;
    await this.saveUnrecorded(appeal);
    await this.scopes.setScope(id, undefined);
    await this.scopes.record({ at: now.toISOString(), id, ...by, action: 'published', changed: [] });
    return appeal;
  }

  /** Every saved appeal offered in a community (in every community without one), shared ones excluded. */
  async ofCommunity(community?: string): Promise<Appeal[]> {
    const ids = await this.scopes.scopedIds(community);
    return (await Promise.all(ids.map((id) => this.imported(id)))).filter((a): a is Appeal => a !== undefined);
  }

  /** Saves to the shared catalog and records who did it. */
  async saveShared(appeal: Appeal, by: ChangeBy, now: Date, action: AppealChange['action'] = 'saved'): Promise<void> {
    const before = (await this.imported(appeal.id)) ?? this.files.get(appeal.id);
    await this.saveUnrecorded(appeal);
    await this.scopes.record({ at: now.toISOString(), id: appeal.id, ...by, action: before && action === 'saved' ? 'replaced' : action, changed: changedFields(before, appeal) });
  }

  async get(id: string): Promise<Appeal | undefined> {
    return (await this.imported(id)) ?? this.files.get(id);
  }

  /** The instance's own view has no community, so no copy stands in. */
  getWithOwnCopy(id: string): Promise<Appeal | undefined> {
    return this.get(id);
  }

  async list(): Promise<Appeal[]> {
    const ids = await this.importedIds();
    const imported = (await Promise.all(ids.map((id) => this.imported(id)))).filter((a): a is Appeal => a !== undefined);
    const byId = new Map(this.files);
    for (const appeal of imported) byId.set(appeal.id, appeal);
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** What one command may see and change (see `appeal-view.ts`). */
  viewFor(viewer: AppealViewer): AppealBook {
    return appealView(this, viewer);
  }

  idFor(appeal: Pick<Appeal, 'id'>): string {
    return appeal.id;
  }

  /** Saves to the shared catalog; with `by`, through `saveShared` (the change is recorded). */
  async save(appeal: Appeal, by: ChangeBy | undefined, now: Date, action?: AppealChange['action']): Promise<void> {
    if (by) return this.saveShared(appeal, by, now, action);
    await this.saveUnrecorded(appeal);
  }

  private async saveUnrecorded(appeal: Appeal): Promise<void> {
    const valid = appealSchema.parse(appeal);
    await this.write(() => this.saved.put(valid.id, valid, true));
  }

  /**
   * Keeps an import preview for an hour, until the moderator confirms it; returns its key. `owner`:
   * who staged it and for which community (only they continue it; see `appeal-view.ts`).
   */
  async stage(appeal: Appeal, owner?: StagedOwner): Promise<string> {
    const key = randomBytes(6).toString('base64url');
    await this.write(() => this.kv.set(`import:${key}`, appeal, STAGED_MS));
    if (owner) await this.write(() => this.kv.set(`import-owner:${key}`, owner, STAGED_MS));
    return key;
  }

  async stagedOwner(key: string): Promise<StagedOwner | undefined> {
    return (await this.write(() => this.kv.get(`import-owner:${key}`))) as StagedOwner | undefined;
  }

  /** Replaces a staged preview (a draft being filled in) under the same key, for another hour. */
  async restage(key: string, appeal: Appeal): Promise<void> {
    await this.write(() => this.kv.set(`import:${key}`, appeal, STAGED_MS));
  }

  async staged(key: string): Promise<Appeal | undefined> {
    const stored = await this.write(() => this.kv.get(`import:${key}`));
    const parsed = appealSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  private async imported(id: string): Promise<Appeal | undefined> {
    const stored = await this.write(() => this.saved.get(id));
    if (stored === undefined) return undefined;
    const parsed = appealSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  private async importedIds(): Promise<string[]> {
    return this.write(() => this.saved.ids());
  }

  private write<T>(fn: () => Promise<T>): Promise<T> {
    return guarded('appeals', fn);
  }
}

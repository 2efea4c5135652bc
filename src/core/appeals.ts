import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type Keyv from 'keyv';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { appealSchema, type Appeal } from './appeal.js';
import { guarded, type Mutex } from './guard.js';

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
 * The appeals a drive can run: the files shipped in `appeals/`, plus those imported in chat, which
 * live in the store so that every process sees them. An imported appeal replaces a file's.
 */
export class AppealCatalog {
  private readonly files: Map<string, Appeal>;

  constructor(
    private readonly kv: Keyv,
    fileAppeals: Appeal[],
    private readonly mutex: Mutex,
  ) {
    this.files = new Map(fileAppeals.map((a) => [a.id, a]));
  }

  async get(id: string): Promise<Appeal | undefined> {
    return (await this.imported(id)) ?? this.files.get(id);
  }

  async list(): Promise<Appeal[]> {
    const ids = await this.importedIds();
    const imported = (await Promise.all(ids.map((id) => this.imported(id)))).filter((a): a is Appeal => a !== undefined);
    const byId = new Map(this.files);
    for (const appeal of imported) byId.set(appeal.id, appeal);
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  async save(appeal: Appeal): Promise<void> {
    const valid = appealSchema.parse(appeal);
    await this.mutex.run('appeals', () =>
      this.write(async () => {
        await this.kv.set(`appeal:${valid.id}`, valid);
      const ids = await this.importedIds();
        if (!ids.includes(valid.id)) await this.kv.set('appeals:imported', [...ids, valid.id]);
      }),
    );
  }

  /** Keeps an import preview for an hour, until the moderator confirms it; returns its key. */
  async stage(appeal: Appeal): Promise<string> {
    const key = randomBytes(6).toString('base64url');
    await this.write(() => this.kv.set(`import:${key}`, appeal, STAGED_MS));
    return key;
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
    const stored = await this.write(() => this.kv.get(`appeal:${id}`));
    if (stored === undefined) return undefined;
    const parsed = appealSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  private async importedIds(): Promise<string[]> {
    return ((await this.write(() => this.kv.get('appeals:imported'))) as string[] | undefined) ?? [];
  }

  private write<T>(fn: () => Promise<T>): Promise<T> {
    return guarded('appeals', fn);
  }
}

// The operator's `actionbot appeals ...` subcommands: the catalog by scope, its history, publish,
// diff, revert, keep.
import type { AppealCatalog } from '../core/appeals.js';
import type { AppealChange } from '../core/appeal-scopes.js';
import { BUNDLED_APPEALS, createApp } from './app.js';
import { parseConfig } from './config.js';
import type { Io, Subcommand } from './cli-spec.js';

/** One row of the CLI's table for each: `actionbot appeals list`, `actionbot appeals history [ID]`, ... */
export const APPEALS_COMMANDS: readonly Subcommand[] = [
  row('list', '', "the shared catalog and every community's own appeals", 'One line each: id, scope (shared or the community), UA reference, title.', [0, 0]),
  row('history', '[ID]', 'every change to appeals (or to one): when, who (member key), where, what', 'Oldest first; who is a member key, "operator" or "cli", never a platform id.', [0, 1]),
  row('publish', 'ID', "a community's appeal joins the shared catalog (offered everywhere)", "Fails (exit 1) when ID is not a community's appeal.", [1, 1]),
  row('diff', '', 'saved appeals that differ from their bundled file (an import from before the walls)', 'Each with the fields that differ, and how to keep or revert it.', [0, 0]),
  row('revert', 'ID', 'the bundled file applies again to a replaced appeal (recorded)', 'Fails (exit 1) when ID has no bundled file.', [1, 1]),
  row('keep', 'ID', 'keeps a saved appeal that replaced its bundled file (recorded)', 'Fails (exit 1) when ID does not differ from a bundled file.', [1, 1]),
];

function row(sub: string, args: string, summary: string, details: string, arity: readonly [number, number]): Subcommand {
  return {
    name: `appeals ${sub}`,
    args,
    summary,
    details,
    arity,
    run: async ({ args: [id] }, io) => {
      const app = await createApp(parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...io.env }));
      try {
        return await run(app.catalog, sub, id, io, new Date());
      } finally {
        await app.close();
      }
    },
  };
}

const BY_CLI = { who: 'cli', where: 'cli' };

async function run(catalog: AppealCatalog, sub: string, id: string | undefined, io: Io, now: Date): Promise<number> {
  switch (sub) {
    case 'list': {
      for (const appeal of await catalog.list()) io.out(`${appeal.id}\tshared\t${appeal.reference}\t${appeal.title}\n`);
      for (const scopedId of await catalog.scopes.scopedIds()) {
        const [appeal, community] = await Promise.all([catalog.get(scopedId), catalog.scopes.scopeOf(scopedId)]);
        if (appeal) io.out(`${appeal.id}\t${community}\t${appeal.reference}\t${appeal.title}\n`);
      }
      return 0;
    }
    case 'history': {
      const entries = await catalog.scopes.history(id);
      if (entries.length === 0) io.out(id ? `no recorded change to ${id}\n` : 'no recorded change\n');
      for (const entry of entries) io.out(`${historyLine(entry)}\n`);
      return 0;
    }
    case 'publish': {
      if ((await catalog.scopes.scopeOf(id!)) === undefined) {
        io.err(`actionbot appeals publish: ${id} is not a community's appeal (see: actionbot appeals list)\n`);
        return 1;
      }
      await catalog.publish(id!, BY_CLI, now);
      io.out(`${id} is in the shared catalog now: offered in every community\n`);
      return 0;
    }
    case 'diff': {
      const replaced = await unresolvedReplacements(catalog);
      if (replaced.length === 0) io.out('every saved appeal matches its bundled file, or has none\n');
      for (const { id: changed, fields } of replaced) {
        io.out(`${changed}: the saved appeal differs from the bundled file in ${fields.join(', ')}\n  keep it: actionbot appeals keep ${changed}   go back to the file: actionbot appeals revert ${changed}\n`);
      }
      return 0;
    }
    case 'revert': {
      if (!catalog.bundled(id!)) {
        io.err(`actionbot appeals revert: ${id} has no bundled file to go back to\n`);
        return 1;
      }
      await catalog.revert(id!, BY_CLI, now);
      io.out(`${id}: the bundled file applies again\n`);
      return 0;
    }
    default: {
      const replaced = (await unresolvedReplacements(catalog)).find((r) => r.id === id);
      if (!replaced) {
        io.err(`actionbot appeals keep: ${id} does not differ from a bundled file\n`);
        return 1;
      }
      await catalog.scopes.record({ at: now.toISOString(), id: id!, ...BY_CLI, action: 'kept', changed: replaced.fields });
      io.out(`${id}: the saved appeal is kept (recorded in its history)\n`);
      return 0;
    }
  }
}

/** `2026-12-07T00:40:00.000Z  ua-34-25-3f9a1c  saved  by <member key> in discord:1/2 (community discord:1): targets, letter`. */
export function historyLine(entry: AppealChange): string {
  const community = entry.community ? ` (community ${entry.community})` : ' (shared)';
  return `${entry.at}  ${entry.id}  ${entry.action}  by ${entry.who} in ${entry.where}${community}${entry.changed.length > 0 ? `: ${entry.changed.join(', ')}` : ''}`;
}

/**
 * Saved appeals of the shared catalog that differ from their bundled file (an import from before
 * community appeals replaced it for everyone), less those the operator kept since their last change.
 */
export async function unresolvedReplacements(catalog: AppealCatalog): Promise<Array<{ id: string; fields: string[] }>> {
  const replaced = await catalog.replacedBundled();
  const open: Array<{ id: string; fields: string[] }> = [];
  for (const entry of replaced) {
    const last = (await catalog.scopes.history(entry.id)).at(-1);
    if (last?.action !== 'kept') open.push(entry);
  }
  return open;
}

/**
 * Said once at start, in one line: saved appeals that replace a bundled file for every group (an
 * import made before imports were kept per community). The operator keeps or reverts each.
 */
export async function warnReplacedAppeals(catalog: AppealCatalog, logger: { warn(context: object, message: string): void }): Promise<void> {
  const replaced = await unresolvedReplacements(catalog);
  if (replaced.length === 0) return;
  const ids = replaced.map((r) => r.id);
  logger.warn({ appeals: ids }, `saved appeals replace their bundled file for every group: ${ids.join(', ')}; see actionbot appeals diff, then keep or revert each`);
}

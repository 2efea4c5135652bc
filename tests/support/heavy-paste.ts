import { handle, type Deps } from '../../src/commands/index.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { RecordingLogger } from './logger.js';

/**
 * A hostile /import: just under the 1 MB a platform lets the bot download, lines that keep the
 * importer busy for a while.
 */
export const HEAVY = `Urgent Action\n${Array.from({ length: 12_000 }, (_, i) => `Line ${i} of the minister's office, the prison, please write to the authorities.`).join('\n')}`;

/**
 * `/import` with a file, as Telegram's caption or Discord's file option gives it: the text as an option,
 * from a group of the sender's own (anyone can make one and add the bot, and is its administrator).
 */
export async function importFile(deps: Deps, userId: string, text: string): Promise<string> {
  const reply = await handle(
    { name: 'import', text: '', options: { text }, actor: { platform: 'telegram', userId }, space: { id: `telegram:-${userId}`, kind: 'group' }, isModerator: async () => true },
    deps,
    new RecordingLogger(),
  );
  return replyToPlainText(reply, stripMarkdown);
}

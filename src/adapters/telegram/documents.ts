// The document an /import is about (captioned or answered), downloaded through the Bot API's file
// URL.
import type { Api } from 'grammy';
import type { Message } from 'grammy/types';
import type { Invocation } from '../../commands/index.js';
import { UserInputError } from '../../core/errors.js';
import { assertImportSize, downloadText } from '../download.js';

const DEFAULT_API_ROOT = 'https://api.telegram.org';

/** The file an `/import` is about: a document sent with that caption, or the document it answers. */
export function importDocument(message: Message): Message['document'] {
  return message.document ?? message.reply_to_message?.document;
}

/**
 * The invocation with the document's text as `text` (never `file`, which names a path on the
 * bot's own machine). The announced size is checked before any download.
 */
export async function withDocumentText(api: Api, document: NonNullable<Message['document']>, invocation: Invocation): Promise<Invocation> {
  assertImportSize(document.file_size);
  const file = await api.getFile(document.file_id);
  if (!file.file_path) throw new UserInputError('import_file_download_failed', { problem: 'no file_path' });
  const text = await downloadText(fileUrl(api, file.file_path));
  return { ...invocation, options: { ...invocation.options, text } };
}

/** Telegram serves files at `<root>/file/bot<token>/<file_path>`, beside the methods. */
export function fileUrl(api: Api, filePath: string): string {
  const root = api.options?.apiRoot ?? DEFAULT_API_ROOT;
  return `${root}/file/bot${api.token}/${filePath.split('/').map(encodeURIComponent).join('/')}`;
}

// Telegram command menus (members and administrators, en and es) from the command list, set at
// start.
import type { Api } from 'grammy';
import { commands, type AnyCommand, type Logger } from '../../commands/index.js';
import { isGroup } from '../../commands/types.js';
import { LOCALES, translator, type Locale } from '../../core/i18n/index.js';

/** Telegram's rules for menu entries. */
export const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
export const MAX_DESCRIPTION = 256;

export type MenuEntry = { command: string; description: string };

function forMembers(command: AnyCommand): boolean {
  return isGroup(command) ? command.subcommands.some((s) => s.permission === 'member') : command.permission === 'member';
}

/**
 * The command menus in one language: members see member commands; chat administrators see every
 * command. Names Telegram would reject are left out rather than failing the whole menu.
 */
export function menus(locale: Locale, list: readonly AnyCommand[] = commands): { members: MenuEntry[]; admins: MenuEntry[] } {
  const t = translator(locale);
  const entry = (c: AnyCommand): MenuEntry => ({ command: c.name, description: t(c.description).slice(0, MAX_DESCRIPTION) || c.name });
  const valid = list.filter((c) => COMMAND_NAME.test(c.name));
  return { members: valid.filter(forMembers).map(entry), admins: valid.map(entry) };
}

/**
 * setMyCommands for the default scope and for chat administrators, in every locale (English is
 * also the default for other languages). A failed call is logged; the bot works without menus.
 */
export async function registerCommands(api: Api, logger: Logger): Promise<void> {
  for (const locale of LOCALES) {
    const { members, admins } = menus(locale);
    const language = locale === 'en' ? {} : { language_code: locale };
    for (const [scope, list] of [['default', members], ['all_chat_administrators', admins]] as const) {
      try {
        await api.setMyCommands(list, { scope: { type: scope }, ...language });
      } catch (error) {
        logger.warn({ err: error, scope, locale }, 'telegram command menu not set');
      }
    }
  }
}

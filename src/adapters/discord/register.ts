// The slash-command definitions built from the command list, registered only when they changed.
import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { isGroup, type AnyCommand, type Command, type OptionSpec } from '../../commands/types.js';
import { translator, type MessageKey } from '../../core/i18n/index.js';
import type { OptionKind } from '../../commands/types.js';

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

// Discord's limits on command menus, written once next to the code that enforces them.
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
const MAX_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
const METHOD_CHOICES = ['email', 'post', 'phone', 'social', 'other'] as const;

const en = translator('en');
const es = translator('es');

function describe(key: MessageKey): { description: string; description_localizations: Record<string, string> } {
  const clip = (text: string) => (text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text);
  return { description: clip(en(key)), description_localizations: { 'es-ES': clip(es(key)) } };
}

function assertName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Discord command or option name must be lowercase, 1-32 characters: "${name}"`);
  return name;
}

/**
 * Options that name a file: elsewhere `file=` is a path on the bot's own machine (terminal only);
 * on Discord the member uploads it, and the adapter hands its text on as `text`.
 */
export const ATTACHMENT_OPTIONS: ReadonlySet<string> = new Set(['file']);

function option(spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name: assertName(spec.name), ...describe(spec.description), required: spec.required ?? false };
  if (ATTACHMENT_OPTIONS.has(spec.name)) return { ...base, ...describe('opt_import_file'), type: ApplicationCommandOptionType.Attachment };
  const kind: OptionKind = spec.kind;
  if (kind === 'goal') return { ...base, type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 10_000_000 };
  if (kind === 'appeal' || kind === 'appeals') return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
  if (kind === 'method') {
    return { ...base, type: ApplicationCommandOptionType.String, choices: METHOD_CHOICES.map((m) => ({ name: en(`method_${m}`), name_localizations: { 'es-ES': es(`method_${m}`) }, value: m })) };
  }
  if (kind === 'lang') return { ...base, type: ApplicationCommandOptionType.String, choices: [{ name: 'English', value: 'en' }, { name: 'Español', value: 'es' }] };
  // A letter may be in any language the appeal has: free text, checked by the command.
  if (kind === 'language') return { ...base, type: ApplicationCommandOptionType.String, max_length: 12 };
  // A true/false option (Discord shows it as a choice of True and False); the text platforms' on|off reads the same.
  if (kind === 'toggle') return { ...base, type: ApplicationCommandOptionType.Boolean };
  return spec.max ? { ...base, type: ApplicationCommandOptionType.String, max_length: Math.min(spec.max, 6000) } : { ...base, type: ApplicationCommandOptionType.String };
}

/** Menu options: hidden ones (button-only) left out, required ones first as Discord demands. */
function options(specs: readonly OptionSpec[]): APIApplicationCommandBasicOption[] {
  const shown = specs.filter((s) => !s.hidden).map(option);
  if (shown.length > MAX_OPTIONS) throw new Error(`Discord allows ${MAX_OPTIONS} options per command`);
  return [...shown.filter((o) => o.required), ...shown.filter((o) => !o.required)];
}

const moderatorOnly = { default_member_permissions: PermissionFlagsBits.ManageGuild.toString(), dm_permission: false } as const;

/** Every command as a slash command; moderator commands are hidden from members by default and checked again at run time. */
export function commandDefinitions(list: readonly AnyCommand[]): CommandJson[] {
  return list.map((command) => {
    if (!isGroup(command)) {
      return { name: assertName(command.name), ...describe(command.description), options: options(command.options), ...(command.permission === 'moderator' ? moderatorOnly : {}) };
    }
    const subs: APIApplicationCommandOption[] = command.subcommands.map((sub: Command) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name: assertName(sub.name),
      ...describe(sub.description),
      options: options(sub.options),
    }));
    const allModerator = command.subcommands.every((s) => s.permission === 'moderator');
    return { name: assertName(command.name), ...describe(command.description), options: subs, ...(allModerator ? moderatorOnly : {}) };
  });
}

type Loose = Record<string, unknown>;

/**
 * The parts of a command we set, with Discord's defaults filled in, so that what Discord returns
 * compares equal to what we would send. dm_permission is left out: Discord ignores it on guild
 * commands, and it always changes together with default_member_permissions here.
 */
function normaliseOption(o: Loose): Loose {
  const nested = o.options as Loose[] | undefined;
  return {
    type: o.type,
    name: o.name,
    description: o.description,
    description_localizations: o.description_localizations ?? {},
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    choices: (o.choices as Loose[] | undefined)?.map((c) => ({ name: c.name, name_localizations: c.name_localizations ?? {}, value: c.value })) ?? [],
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    max_length: o.max_length ?? null,
    options: nested?.map(normaliseOption) ?? [],
  };
}

export function normaliseCommands(list: readonly Loose[]): string {
  const norm = list
    .map((c) => ({
      name: c.name,
      type: c.type ?? 1,
      description: c.description,
      description_localizations: c.description_localizations ?? {},
      default_member_permissions: c.default_member_permissions ?? null,
      options: ((c.options as Loose[] | undefined) ?? []).map(normaliseOption),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return JSON.stringify(norm, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? sortKeys(value as Loose) : value));
}

function sortKeys(value: Loose): Loose {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Registers the commands for one guild (instant) or globally, and only when they changed:
 * a PUT replaces them all and restarts Discord's propagation, so an unchanged restart skips it.
 */
export async function syncCommands(rest: REST, applicationId: string, definitions: CommandJson[], guildId?: string): Promise<'updated' | 'unchanged'> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  // Full localisation maps, not the caller's localised strings, so that they compare with ours.
  const existing = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as Loose[];
  if (normaliseCommands(existing) === normaliseCommands(definitions as unknown as Loose[])) return 'unchanged';
  await rest.put(route, { body: definitions });
  return 'updated';
}

import type { Deps } from '../../../src/commands/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { APP_ID, FakeDiscord, type RecordedRequest } from './fake-discord.js';

export const GUILD = '1000000000000000001';
export const CHANNEL = '1000000000000000002';
const MANAGE_GUILD = 1n << 5n;
const SEND_MESSAGES = 1n << 11n;

export type Harness = { app: TestApp; fake: FakeDiscord; adapter: DiscordAdapter; logger: RecordingLogger; close(): Promise<void> };

/** The real app and the real discord.js client, logged in to a loopback Discord. */
export async function startHarness(options: { appealsDir?: string; moderatorIds?: string[]; fake?: FakeDiscord; deferAfterMs?: number; wrapDeps?: (deps: Deps) => Deps } = {}): Promise<Harness> {
  const app = await testApp({ appealsDir: options.appealsDir, moderatorIds: options.moderatorIds });
  const fake = options.fake ?? new FakeDiscord();
  if (!options.fake) await fake.start();
  const logger = new RecordingLogger();
  const adapter = await createDiscordAdapter({ token: 'fake-token', guildId: GUILD, apiBase: fake.apiBase, deferAfterMs: options.deferAfterMs }, { deps: options.wrapDeps ? options.wrapDeps(app.deps) : app.deps, logger });
  return {
    app,
    fake,
    adapter,
    logger,
    close: async () => {
      await adapter.stop();
      if (!options.fake) await fake.stop();
      await app.close();
    },
  };
}

type Json = Record<string, unknown>;
let counter = 1_400_000_000_000_000_000n;
const nextId = () => String(++counter);

/** Who acts, and where: `guild` and `channel` default to GUILD and CHANNEL. */
export type Who = { userId?: string; moderator?: boolean; locale?: string; dm?: boolean; guild?: string; channel?: string };

function base(type: number, data: Json, who: Who): Json {
  const id = nextId();
  const user = { id: who.userId ?? '2000000000000000001', username: 'member', discriminator: '0', global_name: null, avatar: null };
  const permissions = String(SEND_MESSAGES | (who.moderator ? MANAGE_GUILD : 0n));
  const [guild, channel] = [who.guild ?? GUILD, who.channel ?? CHANNEL];
  const where = who.dm
    ? { user, channel_id: channel, channel: { id: channel, type: 1 }, context: 1 }
    : {
        guild_id: guild,
        channel_id: channel,
        channel: { id: channel, type: 0, guild_id: guild, name: 'letters' },
        member: { user, roles: [], permissions, joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
        guild_locale: 'en-US',
        context: 0,
      };
  return { id, application_id: APP_ID, type, token: `token-${id}`, version: 1, locale: who.locale ?? 'en-US', app_permissions: '2147483647', entitlements: [], authorizing_integration_owners: {}, data, ...where };
}

/** A slash command as Discord sends it: `sub` nests the options under a subcommand. */
export function slash(name: string, options: Record<string, string | number> = {}, who: Who = {}, sub?: string): Json {
  const typed = Object.entries(options).map(([n, value]) => ({ name: n, type: typeof value === 'number' ? 4 : 3, value }));
  const data = { id: '1300000000000000000', name, type: 1, options: sub ? [{ name: sub, type: 1, options: typed }] : typed };
  return base(2, data, who);
}

export function button(customId: string, who: Who = {}): Json {
  const message = { id: nextId(), channel_id: CHANNEL, type: 0, content: '', embeds: [], components: [], attachments: [], author: { id: APP_ID, username: 'actionbot', discriminator: '0', avatar: null, bot: true }, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false, flags: 64 };
  return { ...base(3, { custom_id: customId, component_type: 2 }, who), message };
}

export function modalSubmit(customId: string, fields: Record<string, string>, who: Who = {}): Json {
  const components = Object.entries(fields).map(([custom_id, value]) => ({ type: 1, components: [{ type: 4, custom_id, value }] }));
  return base(5, { custom_id: customId, components }, who);
}

export function autocomplete(name: string, focused: string, typed: string, who: Who = {}): Json {
  return base(4, { id: '1300000000000000000', name, type: 1, options: [{ name: focused, type: 3, value: typed, focused: true }] }, who);
}

/** Dispatches an interaction and returns Discord's view of the first answer (the callback body). */
export async function interact(fake: FakeDiscord, interaction: Json, timeoutMs = 5000): Promise<RecordedRequest> {
  fake.dispatch('INTERACTION_CREATE', interaction);
  return fake.waitFor((r) => r.path === `/interactions/${String(interaction.id)}/${String(interaction.token)}/callback`, timeoutMs);
}

/**
 * The answer a member ends up reading: the callback, or, when the bot deferred it (type 5 or 6: the work took longer
 * than Discord's three seconds, as on a loaded machine), the edit of @original or the follow-up that came after it.
 */
export async function readAnswer(fake: FakeDiscord, interaction: Json, timeoutMs = 15_000): Promise<RecordedRequest> {
  const callback = await interact(fake, interaction, timeoutMs);
  if (![5, 6].includes(Number((callback.body as Json | undefined)?.type))) return callback;
  return fake.waitFor((r) => r.path.includes(`/${String(interaction.token)}`) && (r.method === 'PATCH' || (r.method === 'POST' && !r.path.endsWith('/callback'))), timeoutMs);
}

/** Every request that answered one interaction (callback, edits, follow-ups), once they stop coming. */
export async function answersTo(fake: FakeDiscord, interaction: Json, quietMs = 400, deadlineMs = 15_000): Promise<RecordedRequest[]> {
  const mine = () => fake.requests.filter((r) => r.path.includes(`/${String(interaction.token)}`));
  // Every interaction gets a callback, and a deferred one (type 5 or 6) a follow-up: wait for them, however
  // loaded the machine is, before waiting for quiet.
  const awaitingFollowUp = (requests: RecordedRequest[]) =>
    requests.length === 0 ||
    (requests.some((r) => r.path.endsWith('/callback') && [5, 6].includes(Number((r.body as Json | undefined)?.type))) &&
      !requests.some((r) => !r.path.endsWith('/callback')));
  const started = Date.now();
  let count = -1;
  while (mine().length !== count || (awaitingFollowUp(mine()) && Date.now() - started < deadlineMs)) {
    count = mine().length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  return mine();
}

/** All text a member would read in one callback/message body: content, embed titles, descriptions, fields. */
export function textOf(body: Json | undefined): string {
  const data = ((body?.data as Json | undefined) ?? body ?? {}) as Json;
  const embeds = (data.embeds as Json[] | undefined) ?? [];
  const parts = [String(data.content ?? '')];
  for (const e of embeds) {
    parts.push(String(e.title ?? ''), String(e.description ?? ''));
    for (const f of (e.fields as Json[] | undefined) ?? []) parts.push(String(f.name), String(f.value));
  }
  return parts.join('\n');
}

function buttonsOf(body: Json | undefined): Json[] {
  const data = ((body?.data as Json | undefined) ?? body ?? {}) as Json;
  return ((data.components as Json[] | undefined) ?? []).flatMap((row) => (row.components as Json[]) ?? []);
}

export const customIds = (body: Json | undefined): string[] => buttonsOf(body).flatMap((c) => (c.custom_id ? [String(c.custom_id)] : []));
export const linkUrls = (body: Json | undefined): string[] => buttonsOf(body).flatMap((c) => (c.url ? [String(c.url)] : []));

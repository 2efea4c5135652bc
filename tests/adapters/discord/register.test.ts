import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.js';
import { commandDefinitions, normaliseCommands } from '../../../src/adapters/discord/register.js';
import { commands } from '../../../src/commands/index.js';
import type { CommandGroup } from '../../../src/commands/types.js';
import { RecordingLogger } from '../../support/logger.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';
import { GUILD, startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;
const definitions = commandDefinitions(commands) as unknown as Json[];
const byName = (name: string) => definitions.find((d) => d.name === name)!;
const optionsOf = (c: Json) => (c.options as Json[] | undefined) ?? [];
const guildRoute = `/applications/${APP_ID}/guilds/${GUILD}/commands`;

describe('Discord command definitions', () => {
  it('registers every command under a valid name with descriptions within 100 characters, in English and Spanish', () => {
    expect(definitions.map((d) => d.name).sort()).toEqual(commands.map((c) => c.name).sort());
    const walk = (items: Json[]): void => {
      for (const item of items) {
        expect(String(item.name)).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(String(item.description).length).toBeGreaterThan(0);
        expect(String(item.description).length).toBeLessThanOrEqual(100);
        expect((item.description_localizations as Json)['es-ES']).toBeTruthy();
        walk(optionsOf(item));
      }
    };
    walk(definitions);
    expect((byName('letter').description_localizations as Json)['es-ES']).not.toBe(byName('letter').description);
  });

  it('makes /drive start take typed options: an autocompleted appeal, an integer goal of at least 1, dates and a toggle', () => {
    const start = optionsOf(byName('drive')).find((o) => o.name === 'start')!;
    expect(start.type).toBe(1);
    const opts = Object.fromEntries(optionsOf(start).map((o) => [o.name, o]));
    expect(optionsOf(start).map((o) => o.name)).toEqual(['appeal', 'goal', 'deadline', 'timezone', 'milestones', 'page']);
    expect(opts.appeal).toMatchObject({ type: 3, required: true, autocomplete: true });
    expect(opts.goal).toMatchObject({ type: 4, min_value: 1 });
    expect(opts.deadline).toMatchObject({ type: 3 });
    expect(opts.milestones).toMatchObject({ type: 5 });
    expect(opts.page).toMatchObject({ type: 5 });
  });

  it('offers the five methods as choices, the language of a letter as free text, and leaves button-only options out', () => {
    const method = optionsOf(byName('acted')).find((o) => o.name === 'method')!;
    expect((method.choices as Json[]).map((c) => c.value)).toEqual(['email', 'post', 'phone', 'social', 'other']);
    // /letter lang= takes any language the appeal has a letter in (fr, pt...), so Discord offers no fixed list.
    const lang = optionsOf(byName('letter')).find((o) => o.name === 'lang')!;
    expect(lang).toMatchObject({ type: 3, max_length: 12 });
    expect(lang.choices).toBeUndefined();
    expect(optionsOf(byName('letter')).map((o) => o.name)).not.toContain('drive');
    expect(optionsOf(byName('acted')).map((o) => o.name)).not.toContain('drive');
  });

  it('hides moderator commands from members by default (Manage Server, not in DMs) and leaves member commands open', () => {
    for (const name of ['drive', 'remind', 'report']) expect(byName(name)).toMatchObject({ default_member_permissions: '32', dm_permission: false });
    for (const name of ['letter', 'acted', 'progress', 'help']) expect(byName(name).default_member_permissions).toBeUndefined();
  });

  it('keeps a group open when one of its subcommands is for members', () => {
    const group = commands.find((c) => c.name === 'drive') as CommandGroup;
    const mixed: CommandGroup = { ...group, subcommands: [...group.subcommands.slice(0, 1), { ...group.subcommands[2]!, permission: 'member' }] };
    expect((commandDefinitions([mixed])[0] as unknown as Json).default_member_permissions).toBeUndefined();
  });

  it('compares equal to what Discord returns after a PUT (ids, defaults and dropped required:false aside)', () => {
    const returned = definitions.map((d, i) => ({ ...d, id: String(i), application_id: APP_ID, version: '1', type: 1, nsfw: false, default_member_permissions: d.default_member_permissions ?? null }));
    expect(normaliseCommands(returned.reverse())).toBe(normaliseCommands(definitions));
    const changed = definitions.map((d) => (d.name === 'letter' ? { ...d, description: 'Something else' } : d));
    expect(normaliseCommands(changed)).not.toBe(normaliseCommands(definitions));
  });
});

describe('Discord command registration', () => {
  let h: Harness | undefined;
  const fake = new FakeDiscord();
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await fake.stop();
  });

  it('registers for the guild once: a second start with unchanged commands does not PUT, a changed list does', async () => {
    await fake.start();
    h = await startHarness({ fake });
    const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path === guildRoute);
    expect(h.adapter.registration).toBe('updated');
    expect(puts()).toHaveLength(1);
    expect((puts()[0]!.body as unknown as Json[]).map((c) => c.name)).toContain('drive');

    const again = await createDiscordAdapter({ token: 'fake-token', guildId: GUILD, apiBase: fake.apiBase }, { deps: h.app.deps, logger: new RecordingLogger() });
    await again.stop();
    expect(again.registration).toBe('unchanged');
    expect(puts()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path === guildRoute)).toHaveLength(2);

    const fewer = await createDiscordAdapter({ token: 'fake-token', guildId: GUILD, apiBase: fake.apiBase, commands: commands.slice(0, 3) }, { deps: h.app.deps, logger: new RecordingLogger() });
    await fewer.stop();
    expect(fewer.registration).toBe('updated');
    expect(puts()).toHaveLength(2);
  });

  it('registers globally when no guild is configured', async () => {
    await fake.start();
    h = await startHarness({ fake });
    const global = await createDiscordAdapter({ token: 'fake-token', apiBase: fake.apiBase }, { deps: h.app.deps, logger: new RecordingLogger() });
    await global.stop();
    expect(fake.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/commands`)).toBe(true);
  });
});

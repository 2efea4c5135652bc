import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { slackManifest, slackManifestYaml } from '../../../src/adapters/slack/manifest.js';
import { commands } from '../../../src/commands/index.js';

const EXAMPLE_URL = 'https://actionbot.example.org';

type Manifest = {
  features: { slash_commands: Array<{ command: string; url?: string; description: string; usage_hint?: string; should_escape: boolean }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
};

describe('Slack app manifest', () => {
  it('matches the committed slack/manifest.yml (regenerate it with npx actionbot slack-manifest)', async () => {
    const committed = await readFile(new URL('../../../slack/manifest.yml', import.meta.url), 'utf8');
    expect(committed).toBe(slackManifestYaml({ url: EXAMPLE_URL }));
  });

  it('lists every command with a description, an unescaped text and the events URL', () => {
    const manifest = slackManifest({ url: `${EXAMPLE_URL}/` }) as Manifest;
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    for (const command of manifest.features.slash_commands) {
      expect(command.url).toBe(`${EXAMPLE_URL}/slack/events`);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.should_escape).toBe(false);
    }
    expect(manifest.features.slash_commands.find((c) => c.command === '/letter')?.usage_hint).toMatch(/name=/);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: `${EXAMPLE_URL}/slack/events` });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public', 'im:write', 'users:read', 'files:write']);
  });

  it('leaves request URLs out in Socket Mode, and the YAML reads back as the same object', () => {
    const socket = slackManifest({ url: EXAMPLE_URL, socketMode: true }) as Manifest;
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
    expect(parse(slackManifestYaml({ url: EXAMPLE_URL, socketMode: true }))).toEqual(socket);
  });
});

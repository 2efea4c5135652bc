import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/app/config.js';
import { ConfigError } from '../src/core/errors.js';

describe('parseConfig', () => {
  it('defaults to the embedded store in the data folder and the terminal', () => {
    const config = parseConfig({});
    expect(config.storeUrl).toBe('sqlite://./data/actionbot.sqlite');
    expect(config.dataDir).toBe('./data');
    expect(config.defaultTimezone).toBe('UTC');
    expect(config.discord ?? config.telegram ?? config.slack).toBeUndefined();
  });

  it('serves the web on WEB_PORT with links from PUBLIC_URL, and no server without WEB_PORT', () => {
    expect(parseConfig({}).web).toBeUndefined();
    expect(parseConfig({ WEB_PORT: '8080' }).web).toEqual({ port: 8080, publicUrl: undefined });
    expect(parseConfig({ WEB_PORT: '8080', PUBLIC_URL: 'https://drives.example.org/' }).web).toEqual({ port: 8080, publicUrl: 'https://drives.example.org' });
  });

  it('takes Redis with a shared member-key secret', () => {
    expect(parseConfig({ STORE_URL: 'redis://127.0.0.1:6379', MEMBER_KEY_SECRET: 'shared-secret-0123456789' }).storeUrl).toBe('redis://127.0.0.1:6379');
  });

  it('reads every platform whose token is set', () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_PORT: '3100',
      DISCORD_TOKEN: 'd',
      DISCORD_GUILD_ID: '123456789012345678',
      MODERATOR_IDS: 'telegram:1, slack:U0AB,discord:456',
    });
    expect(config.telegram).toEqual({ token: '123:abc', apiRoot: 'http://127.0.0.1:8081', webhook: undefined, webhookPort: 8443 });
    expect(config.slack).toMatchObject({ botToken: 'xoxb-1', signingSecret: 's', port: 3100 });
    expect(config.discord).toMatchObject({ token: 'd', guildId: '123456789012345678' });
    expect(config.moderatorIds).toEqual(['telegram:1', 'slack:U0AB', 'discord:456']);
  });

  it('runs Discord in shard processes with DISCORD_SHARDS=auto or a number', () => {
    expect(parseConfig({ DISCORD_TOKEN: 'd' }).discord?.shardProcesses).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: 'd', DISCORD_SHARDS: 'auto' }).discord?.shardProcesses).toBe('auto');
    expect(parseConfig({ DISCORD_TOKEN: 'd', DISCORD_SHARDS: '4' }).discord?.shardProcesses).toBe(4);
  });

  it.each([
    [{ STORE_URL: 'mysql://x' }, 'STORE_URL'],
    [{ TZ_DEFAULT: 'Mars/Olympus' }, 'TZ_DEFAULT'],
    [{ SLACK_PORT: 'eighty' }, 'SLACK_PORT'],
    [{ MODERATOR_IDS: 'alice' }, 'MODERATOR_IDS'],
    [{ TELEGRAM_BOT_TOKEN: 'not a token' }, 'TELEGRAM_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_APP_TOKEN: 'xoxb-wrong' }, 'SLACK_APP_TOKEN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MEMBER_KEY_SECRET: 'short' }, 'MEMBER_KEY_SECRET'],
    [{ DISCORD_API_BASE: 'ftp://x' }, 'DISCORD_API_BASE'],
    [{ DISCORD_TOKEN: 'd', DISCORD_SHARDS: 'two' }, 'DISCORD_SHARDS'],
    [{ DISCORD_TOKEN: 'd', DISCORD_SHARDS: '0' }, 'DISCORD_SHARDS'],
    [{ DISCORD_SHARDS: '2' }, 'DISCORD_TOKEN'],
    [{ STORE_URL: 'redis://127.0.0.1:6379' }, 'MEMBER_KEY_SECRET'],
    [{ WEB_PORT: 'http' }, 'WEB_PORT'],
    [{ WEB_PORT: '8080', PUBLIC_URL: 'bot.example.org' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://bot.example.org' }, 'WEB_PORT'],
  ])('names the variable at fault: %o', (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message.startsWith(`${variable}:`)).toBe(true);
    }
  });
});

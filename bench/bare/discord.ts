import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { Count } from './count.js';

/** The simplest discord.js bot: an in-memory count, one interaction reply per command or button. */
export async function startBareDiscord(env: Record<string, string | undefined>, count: Count): Promise<() => Promise<void>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: env.DISCORD_API_BASE! } });
  const acted = new Set<string>();
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    acted.add(interaction.user.id);
    count('discord', acted.size);
    void interaction.reply({ content: `Thank you! ${acted.size} members acted.`, flags: MessageFlags.Ephemeral });
  });
  const ready = once(client, Events.ClientReady);
  await client.login(env.DISCORD_TOKEN);
  await ready;
  return () => client.destroy();
}

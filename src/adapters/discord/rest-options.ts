// Options for every discord.js REST client: requests through Node's own fetch (uploads work beside
// Slack's undici).
import type { RESTOptions, ResponseLike } from 'discord.js';

/**
 * Options for every discord.js REST client the bot makes. Requests go through Node's own fetch, whose
 * FormData is the one @discordjs/rest builds uploads with: undici's `request` (its default) hands a
 * FormData of another undici copy or of Node's to a dispatcher that cannot read it (undici checks the
 * class, not the shape), and every upload failed with "action is not a function" once Slack's Socket
 * Mode client, which brings undici 7, was loaded in the same process.
 */
export function restOptions(apiBase: string | undefined): Partial<RESTOptions> {
  return {
    ...(apiBase ? { api: apiBase } : {}),
    // The two type packages describe the same Response (they differ in iterator helpers only).
    makeRequest: async (url, init) => (await fetch(url, init as RequestInit)) as unknown as ResponseLike,
  };
}

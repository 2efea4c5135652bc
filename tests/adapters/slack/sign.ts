import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export type SignOptions = {
  secret: string;
  /** Seconds since the epoch; now unless told (a stale one tests replay protection). */
  timestamp?: number;
  /** Overrides the computed signature (a forged request). */
  signature?: string;
  retryNum?: number;
};

/** Posts a form body to the receiver signed exactly as Slack signs it. */
export async function postSigned(url: string, body: string, options: SignOptions): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

/** A slash command as Slack posts it (form fields). */
export function slashBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interaction (block_actions, view_submission) as Slack posts it: `payload=<json>`. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

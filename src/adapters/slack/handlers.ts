import type { App, webApi } from '@slack/bolt';
import { commands, errorReply, handle, type Deps, type Invocation, type Logger } from '../../commands/index.js';
import { pickLocale } from '../../core/i18n/index.js';
import { pressInvocation, slackSpace, slashInvocation } from './args.js';
import { deliver, respondTo, type Respond } from './deliver.js';
import { decodeForm, decodeMetadata, FORM_CALLBACK_ID, formView, submittedOptions } from './form.js';
import type { UserLocales } from './locales.js';
import { slackModeratorCheck } from './moderators.js';
import { ACTION_PREFIX } from './render.js';

/** How long a delivery key is remembered: Slack retries within minutes. */
export const CLAIM_TTL_MS = 60 * 60 * 1000;

export type HandlerContext = { deps: Deps; logger: Logger; locales: UserLocales };

type Answer = { client: webApi.WebClient; channel: string; user: string; respond?: Respond };

/** The one pattern every command name is registered under: `/letter`, `/acted`, ... */
export function commandPattern(names: readonly string[] = commands.map((c) => c.name)): RegExp {
  return new RegExp(`^/(${names.map((n) => n.replace(/[^a-z0-9_-]/g, '')).join('|')})$`);
}

/**
 * Runs one delivery at most once (the claim), then answers. Every failure is logged with context;
 * a store outage or a bug still gets the member a short private answer when one can be sent.
 */
async function once(key: string, invocation: Invocation, answer: Answer, ctx: HandlerContext): Promise<void> {
  const context = { platform: 'slack', command: invocation.name, space: invocation.space.id, key };
  try {
    if (!(await ctx.deps.claims.claim(key, CLAIM_TTL_MS))) return;
  } catch (error) {
    await deliver(errorReply(error, pickLocale(invocation.actor.locale), ctx.logger, context), { ...answer, logger: ctx.logger }).catch(() => undefined);
    return;
  }
  const reply = await handle(invocation, ctx.deps, ctx.logger);
  try {
    await deliver(reply, { ...answer, logger: ctx.logger });
  } catch (error) {
    ctx.logger.error({ ...context, err: error }, 'could not answer on Slack');
  }
}

function withLocale(invocation: Invocation, locale: string | undefined): Invocation {
  return locale ? { ...invocation, actor: { ...invocation.actor, locale } } : invocation;
}

/** Slash commands, button presses and form submissions: ack first, then the work. */
export function registerHandlers(app: App, ctx: HandlerContext): void {
  app.command(commandPattern(), async ({ command, ack, respond, context, client }) => {
    await ack();
    // A retry means Slack did not see our ack in time; the first delivery is already being handled.
    if ((context.retryNum ?? 0) > 0) return;
    const invocation = withLocale(slashInvocation(command, slackModeratorCheck(client.users, command.user_id)), await ctx.locales.of(client.users, command.user_id));
    await once(`slack:cmd:${command.trigger_id}`, invocation, { client, channel: command.channel_id, user: command.user_id, respond }, ctx);
  });

  app.action({ type: 'block_actions', action_id: new RegExp(`^(${ACTION_PREFIX.action}|${ACTION_PREFIX.form}|${ACTION_PREFIX.link})`) }, async ({ body, action, ack, respond, context, client }) => {
    await ack();
    if ((context.retryNum ?? 0) > 0 || action.type !== 'button' || !action.value) return;
    const user = body.user.id;
    const team = body.team?.id ?? body.user.team_id ?? '';
    const channel = body.channel?.id ?? body.container?.channel_id ?? '';
    const space = slackSpace(team, channel, body.channel?.name);
    const answer = { client, channel, user, respond };
    if (action.action_id.startsWith(ACTION_PREFIX.form)) {
      const form = decodeForm(action.value);
      if (!form) return ctx.logger.warn({ platform: 'slack', action: action.action_id }, 'unreadable form button');
      const key = `slack:press:${action.action_ts}:${user}:${action.action_id}`;
      if (!(await ctx.deps.claims.claim(key, CLAIM_TTL_MS))) return;
      const url = 'response_url' in body && typeof body.response_url === 'string' ? body.response_url : undefined;
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: formView(form, { team, channel, kind: space.kind, url }) });
      } catch (error) {
        ctx.logger.error({ platform: 'slack', space: space.id, err: error }, 'could not open the form');
      }
      return;
    }
    const invocation = withLocale(pressInvocation(action.value, { userId: user, space }, slackModeratorCheck(client.users, user)), await ctx.locales.of(client.users, user));
    await once(`slack:press:${action.action_ts}:${user}:${action.action_id}`, invocation, answer, ctx);
  });

  app.view(FORM_CALLBACK_ID, async ({ body, view, ack, client }) => {
    await ack();
    const metadata = decodeMetadata(view.private_metadata);
    if (!metadata) return ctx.logger.warn({ platform: 'slack', view: view.id }, 'form without readable metadata');
    const user = body.user.id;
    const space = { id: `slack:${metadata.team}/${metadata.channel}`, kind: metadata.kind };
    const invocation = withLocale(
      pressInvocation(metadata.c, { userId: user, space }, slackModeratorCheck(client.users, user), submittedOptions(view.state.values)),
      await ctx.locales.of(client.users, user),
    );
    const respond = metadata.url ? respondTo(metadata.url) : undefined;
    await once(`slack:view:${view.id}`, invocation, { client, channel: metadata.channel, user, respond }, ctx);
  });
}

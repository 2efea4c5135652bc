// Registers the Bolt handlers: slash commands, button actions and modal submissions, each through
// the command pipeline.
import type { App, webApi } from '@slack/bolt';
import { claimDelivery, commands, handleOnce, type Deps, type Invocation, type Logger } from '../../commands/index.js';
import { pressInvocation, slackSpace, slashInvocation } from './args.js';
import type { InFlight } from '../../core/in-flight.js';
import type { Lane } from '../../core/lane.js';
import type { Reply } from '../../core/reply.js';
import { deliver, deliverInAck, respondTo, type AckBody, type Respond } from './deliver.js';
import { decodeForm, decodeMetadata, FORM_CALLBACK_ID, formView, submittedOptions } from './form.js';
import type { UserLocales } from './locales.js';
import { slackModeratorCheck } from './moderators.js';
import { ACTION_PREFIX } from './render.js';

/**
 * A recording command answers in its ack once handled (language known, action committed, answer
 * made); when that takes longer than this, the ack goes out empty (Slack waits 3 s at most) and the
 * answer follows on the response_url when it is ready.
 */
export const COMMIT_BEFORE_ACK_MS = 2000;

/** Commands whose answer says "counted" (or "taken back"): never sent before the commit. */
const RECORDING = new Set(['acted', 'undo']);

/** `answers`: where answers sent after the ack (response_url, chat) wait their turn behind open requests. */
export type HandlerContext = { deps: Deps; logger: Logger; locales: UserLocales; answers: Pick<Lane, 'later'>; inFlight?: InFlight };

/** `arrived`: when the request came (ms since the epoch); an answer after the ack waits its turn from then. */
type Answer = { client: webApi.WebClient; channel: string; user: string; respond?: Respond; arrived: number };

/** The one pattern every command name is registered under: `/letter`, `/acted`, ... */
export function commandPattern(names: readonly string[] = commands.map((c) => c.name)): RegExp {
  return new RegExp(`^/(${names.map((n) => n.replace(/[^a-z0-9_-]/g, '')).join('|')})$`);
}

/**
 * Runs one delivery at most once (the claim) and returns its answer; undefined for a delivery
 * already claimed. A store outage or a bug still gets the member a short private answer.
 */
async function run(key: string, invocation: Invocation, ctx: HandlerContext): Promise<Reply | undefined> {
  // The pipeline claims the delivery (one key scheme and lifetime for every platform).
  return handleOnce({ ...invocation, delivery: key }, ctx.deps, ctx.logger);
}

/** Answers in the ack body (`inAck`), or after the ack in its turn (see HandlerContext.answers). */
async function send(reply: Reply | undefined, answer: Answer, ctx: HandlerContext, inAck?: (body: AckBody) => Promise<void>): Promise<void> {
  if (!reply) return;
  try {
    await (inAck ? deliverInAck(reply, inAck, { ...answer, logger: ctx.logger }) : ctx.answers.later(() => deliver(reply, { ...answer, logger: ctx.logger }), answer.arrived));
  } catch (error) {
    ctx.logger.error({ platform: 'slack', space: answer.channel, err: error }, 'could not answer on Slack');
  }
}

/** Acks at once, then does the work and answers on the response_url. */
async function ackThenRun(ack: () => Promise<void>, key: string, invocation: () => Promise<Invocation>, answer: Answer, ctx: HandlerContext): Promise<void> {
  await ack();
  await send(await run(key, await invocation(), ctx), answer, ctx);
}

const late = Symbol('late');

/**
 * Handles, then acks: the HTTP 200 goes once the command is handled (its action committed, its
 * answer made), or COMMIT_BEFORE_ACK_MS after the request arrived, whichever comes first. A slash
 * command's answer rides in the ack body; a button's follows the ack. Past the bound the ack goes
 * out empty and the answer follows when ready: "counted" is never said before the commit.
 */
async function commitThenAck(ack: (body?: AckBody) => Promise<void>, key: string, invocation: () => Promise<Invocation>, answer: Answer, ctx: HandlerContext, inBody: boolean): Promise<void> {
  const work = invocation().then((i) => run(key, i, ctx));
  let timer: NodeJS.Timeout | undefined;
  const bound = Math.max(0, answer.arrived + COMMIT_BEFORE_ACK_MS - Date.now());
  const first = await Promise.race([work, new Promise<typeof late>((resolve) => (timer = setTimeout(() => resolve(late), bound)))]);
  clearTimeout(timer);
  if (first === late) {
    await ack();
    return send(await work, answer, ctx);
  }
  if (!first || !inBody) {
    await ack();
    return send(first, answer, ctx);
  }
  await send(first, answer, ctx, (body) => ack(body));
}

/** The member's Slack language is asked by the pipeline before the command runs (users.info, kept an hour, bounded by UserLocales). */
function withLocale(invocation: Invocation, users: webApi.WebClient['users'], user: string, ctx: HandlerContext): Invocation {
  return { ...invocation, resolveLocale: () => ctx.locales.of(users, user) };
}

/** Every delivery taken is counted in flight, so a shutdown waits for it. */
function tracked(ctx: HandlerContext, work: () => Promise<void>): Promise<void> {
  return ctx.inFlight ? ctx.inFlight.track(work) : work();
}

/**
 * Slash commands, button presses and form submissions. Recording commands commit before the ack
 * (see `commitThenAck`); everything else acks first, then works.
 */
export function registerHandlers(app: App, ctx: HandlerContext): void {
  app.command(commandPattern(), ({ command, ack, respond, context, client }) =>
    tracked(ctx, async () => {
      // A retry means Slack did not see our ack in time; the first delivery is already being handled.
      if ((context.retryNum ?? 0) > 0) return ack();
      const invocation = async () => withLocale(slashInvocation(command, slackModeratorCheck(client.users, command.user_id)), client.users, command.user_id, ctx);
      const answer = { client, channel: command.channel_id, user: command.user_id, respond, arrived: Date.now() };
      const key = `slack:cmd:${command.trigger_id}`;
      if (RECORDING.has(command.command.replace(/^\//, '').toLowerCase())) return commitThenAck(ack, key, invocation, answer, ctx, true);
      await ackThenRun(ack, key, invocation, answer, ctx);
    }),
  );

  app.action({ type: 'block_actions', action_id: new RegExp(`^(${ACTION_PREFIX.action}|${ACTION_PREFIX.form}|${ACTION_PREFIX.link})`) }, ({ body, action, ack, respond, context, client }) =>
    tracked(ctx, async () => {
      if ((context.retryNum ?? 0) > 0 || action.type !== 'button' || !action.value) return ack();
      const user = body.user.id;
      const team = body.team?.id ?? body.user.team_id ?? '';
      const channel = body.channel?.id ?? body.container?.channel_id ?? '';
      const space = slackSpace(team, channel, body.channel?.name);
      const answer = { client, channel, user, respond, arrived: Date.now() };
      const key = `slack:press:${action.action_ts}:${user}:${action.action_id}`;
      if (action.action_id.startsWith(ACTION_PREFIX.form)) {
        await ack();
        const form = decodeForm(action.value);
        if (!form) return ctx.logger.warn({ platform: 'slack', action: action.action_id }, 'unreadable form button');
        if (!(await claimDelivery(ctx.deps.claims, key))) return;
        const url = 'response_url' in body && typeof body.response_url === 'string' ? body.response_url : undefined;
        try {
          await client.views.open({ trigger_id: body.trigger_id, view: formView(form, { team, channel, kind: space.kind, url }) });
        } catch (error) {
          ctx.logger.error({ platform: 'slack', space: space.id, err: error }, 'could not open the form');
        }
        return;
      }
      const press = pressInvocation(action.value, { userId: user, space }, slackModeratorCheck(client.users, user));
      const invocation = async () => withLocale(press, client.users, user, ctx);
      // A press's answer goes by respond, so its ack carries nothing: it is sent once the commit is done.
      if (RECORDING.has(press.name)) return commitThenAck(() => ack(), key, invocation, answer, ctx, false);
      await ackThenRun(ack, key, invocation, answer, ctx);
    }),
  );

  app.view(FORM_CALLBACK_ID, ({ body, view, ack, client }) =>
    tracked(ctx, async () => {
      const arrived = Date.now();
      await ack();
      const metadata = decodeMetadata(view.private_metadata);
      if (!metadata) return ctx.logger.warn({ platform: 'slack', view: view.id }, 'form without readable metadata');
      const user = body.user.id;
      const space = { id: `slack:${metadata.team}/${metadata.channel}`, kind: metadata.kind };
      const invocation = withLocale(pressInvocation(metadata.c, { userId: user, space }, slackModeratorCheck(client.users, user), submittedOptions(view.state.values)), client.users, user, ctx);
      const respond = metadata.url ? respondTo(metadata.url) : undefined;
      await send(await run(`slack:view:${view.id}`, invocation, ctx), { client, channel: metadata.channel, user, respond, arrived }, ctx);
    }),
  );
}

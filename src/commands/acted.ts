// /acted: a member records that they acted on an appeal (a campaign's case), once per method; answers
// with the tally.
import { caseRef } from '../core/drive.js';
import { actionButton, privateReply } from '../core/reply.js';
import { actionOptions, caseButtons, checkMethodTypo, driveAndCase, methodButtons, methodsOffered, progressBar, tallyText } from './shared.js';
import { defineCommand } from './types.js';

export const acted = defineCommand({
  name: 'acted',
  description: 'cmd_acted',
  permission: 'member',
  scope: 'member',
  options: actionOptions,
  commitsDelivery: true,
  repeatsSafely: true,
  async run(input, ctx, deps) {
    const { t } = ctx;
    await checkMethodTypo(input, 'acted', deps);
    const { drive, appeal, number } = await driveAndCase(input, ctx, deps, { needDrive: true });
    // A campaign and no case named: asked privately, one numbered button a case (never a picker in the group).
    if (!appeal) {
      const command = input.method ? `acted ${input.method}` : 'acted';
      return privateReply([{ type: 'text', text: t('acted_pick_case') }], { buttons: await caseButtons(command, drive!, deps) });
    }
    // Without a method we ask rather than guess: a guessed method would count the wrong thing.
    if (!input.method) {
      return privateReply([{ type: 'text', text: t('acted_pick') }], { buttons: methodButtons(t, drive!, methodsOffered(appeal), number) });
    }
    // Milestones, the member's own reminder and live progress follow after the answer (src/core/events),
    // from an event committed with the action itself.
    const recorded = { type: 'recorded', driveId: drive!.id, member: ctx.member, method: input.method } as const;
    const { created, tally } = await deps.ledger.record({ drive: caseRef(drive!, appeal.id), member: ctx.member, method: input.method, at: ctx.now }, ctx.unit([{ ...recorded, created: true }]));
    // A repeat changes no count: an event only when a reminder of theirs may still wait (or the
    // lookup failed: the event's handler looks again later; the member is told what was recorded).
    if (!created && (await deps.memberReminders.get(drive!.id, ctx.member).then(Boolean, () => true))) ctx.emit({ ...recorded, created: false });
    const method = t(`method_${input.method}`);
    // The case's own count, against the case's goal (a campaign's goal is for the whole, in /progress).
    const goal = drive!.cases.length > 1 ? drive!.cases[number! - 1]!.goal : drive!.goal;
    // After an update opened a new round, the count is this round's (the total is in /progress).
    const round = drive!.cases[number! - 1]!.round;
    const roundName = round > 1 ? `${t('progress_round', { round })}: ` : '';
    const lines = [t(created ? 'acted_new' : 'acted_again', { method }), `${drive!.cases.length > 1 ? `${number}. ${appeal.reference}: ` : ''}${roundName}${tallyText(t, tally, goal)}.`];
    if (goal) lines.push(progressBar(tally.actions, goal));
    return privateReply(
      lines.map((text) => ({ type: 'text', text })),
      // Following is off by default: one press asks to hear what becomes of the appeal (src/commands/follow.ts).
      { receipt: lines.slice(0, 2).join(' '), buttons: [actionButton(t('button_follow'), `follow${drive!.cases.length > 1 ? ` ${number}` : ''} drive=${drive!.id}`)] },
    );
  },
});

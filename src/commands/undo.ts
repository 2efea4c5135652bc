// /undo: a member takes back their own recorded action.
import { caseRef } from '../core/drive.js';
import { actionButton, privateReply } from '../core/reply.js';
import { actionOptions, caseButtons, checkMethodTypo, driveAndCase, tallyText } from './shared.js';
import { defineCommand } from './types.js';

export const undo = defineCommand({
  name: 'undo',
  description: 'cmd_undo',
  permission: 'member',
  scope: 'member',
  options: actionOptions,
  commitsDelivery: true,
  repeatsSafely: true,
  async run(input, ctx, deps) {
    const { t } = ctx;
    await checkMethodTypo(input, 'undo', deps);
    const { drive, appeal, number } = await driveAndCase(input, ctx, deps, { needDrive: true });
    if (!appeal) {
      const command = input.method ? `undo ${input.method}` : 'undo';
      return privateReply([{ type: 'text', text: t('acted_pick_case') }], { buttons: await caseButtons(command, drive!, deps) });
    }
    const which = drive!.cases.length > 1 ? ` ${number}` : '';
    let method = input.method;
    if (!method) {
      // This round's methods: an earlier round's actions are kept as they were.
      const recorded = await deps.ledger.methodsOf(caseRef(drive!, appeal.id).appealId, ctx.member);
      if (recorded.length === 0) return privateReply([{ type: 'text', text: t('undo_nothing') }]);
      if (recorded.length > 1) {
        const buttons = recorded.map((m) => actionButton(t(`method_${m}`), `undo ${m}${which} drive=${drive!.id}`, 'danger'));
        return privateReply([{ type: 'text', text: t('undo_pick') }], { buttons });
      }
      method = recorded[0]!;
    }
    const { removed, tally } = await deps.ledger.undo({ drive: caseRef(drive!, appeal.id), member: ctx.member, method, at: ctx.now }, ctx.unit([{ type: 'undone', driveId: drive!.id }]));
    const name = t(`method_${method}`);
    const lines = [t(removed ? 'undo_done' : 'undo_none', { method: name }), `${tallyText(t, tally, drive!.goal)}.`];
    return privateReply(
      lines.map((text) => ({ type: 'text', text })),
      { receipt: lines.join(' ') },
    );
  },
});

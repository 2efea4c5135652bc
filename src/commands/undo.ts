// /undo: a member takes back their own recorded action.
import { actionButton, privateReply } from '../core/reply.js';
import { actionOptions, checkMethodTypo, driveAndAppeal, tallyText } from './shared.js';
import { defineCommand } from './types.js';

export const undo = defineCommand({
  name: 'undo',
  description: 'cmd_undo',
  permission: 'member',
  scope: 'member',
  options: actionOptions,
  commitsDelivery: true,
  async run(input, ctx, deps) {
    const { t } = ctx;
    await checkMethodTypo(input, 'undo', deps);
    const { drive } = await driveAndAppeal(input, ctx, deps, { needDrive: true });
    let method = input.method;
    if (!method) {
      const recorded = await deps.ledger.methodsOf(drive!.appealId, ctx.member);
      if (recorded.length === 0) return privateReply([{ type: 'text', text: t('undo_nothing') }]);
      if (recorded.length > 1) {
        const buttons = recorded.map((m) => actionButton(t(`method_${m}`), `undo ${m} drive=${drive!.id}`, 'danger'));
        return privateReply([{ type: 'text', text: t('undo_pick') }], { buttons });
      }
      method = recorded[0]!;
    }
    const { removed, tally } = await deps.ledger.undo({ drive: drive!, member: ctx.member, method, at: ctx.now }, ctx.unit([{ type: 'undone', driveId: drive!.id }]));
    const name = t(`method_${method}`);
    const lines = [t(removed ? 'undo_done' : 'undo_none', { method: name }), `${tallyText(t, tally, drive!.goal)}.`];
    return privateReply(
      lines.map((text) => ({ type: 'text', text })),
      { receipt: lines.join(' ') },
    );
  },
});

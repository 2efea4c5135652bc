// /forgetme: after one confirmation, deletes everything stored about the member.
import { actionButton, privateReply } from '../core/reply.js';
import { defineCommand } from './types.js';

export const forgetme = defineCommand({
  name: 'forgetme',
  description: 'cmd_forgetme',
  permission: 'member',
  scope: 'member',
  options: [{ name: 'confirm', kind: 'toggle', description: 'opt_confirm', positional: true, hidden: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    // One more press before deleting: the group's counts go down and it cannot be undone.
    if (input.confirm !== true) {
      return privateReply([{ type: 'text', text: t('forget_confirm') }], { buttons: [actionButton(t('button_forget'), 'forgetme yes', 'danger')] });
    }
    // Everything is deleted before the files are rewritten (the ledger asks for it after its own
    // deletion): a Redis AOF rewrite copies the data as it is when it starts, and one started
    // before the signature went would keep it.
    for (const forget of deps.forgetters) await forget(ctx.member);
    const count = await deps.ledger.forget(ctx.member);
    // The deleted bytes leave the files too (SQLite's write-ahead log, Redis' append-only file).
    await deps.scrub();
    return privateReply([{ type: 'text', text: t('forget_done', { count }) }]);
  },
});

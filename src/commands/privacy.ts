import { privateReply, type Block } from '../core/reply.js';
import { describeProfile } from './letter.js';
import { defineCommand } from './types.js';

export const privacy = defineCommand({
  name: 'privacy',
  description: 'cmd_privacy',
  permission: 'member',
  options: [],
  async run(_input, ctx, deps) {
    const { t } = ctx;
    const appeals = await deps.appeals.list();
    const lines: string[] = [];
    for (const appeal of appeals) {
      const methods = await deps.ledger.methodsOf(appeal.id, ctx.member);
      if (methods.length > 0) lines.push(`${appeal.reference}: ${methods.map((m) => t(`method_${m}`)).join(', ')}`);
    }
    const profile = await deps.profiles.get(ctx.member);
    const blocks: Block[] = [
      { type: 'heading', text: t('privacy_heading') },
      { type: 'text', text: t('privacy_body', { key: ctx.member.slice(0, 8) }) },
      {
        type: 'fields',
        fields: [
          { label: t('privacy_actions'), value: lines.length > 0 ? lines.join('\n') : t('privacy_no_actions') },
          { label: t('privacy_profile'), value: profile ? describeProfile(t, profile) : t('privacy_no_profile') },
        ],
      },
      { type: 'text', text: t('privacy_forget') },
    ];
    return privateReply(blocks);
  },
});

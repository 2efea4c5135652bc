// /printpack: one PDF for an event table (each case, its letter and addresses, a tally sheet), sent privately.
import { paperFor } from '../core/kit/paper.js';
import { appealIdsOf, printPackPdf, type PrintPackInput } from '../core/kit/printpack.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply } from '../core/reply.js';
import { driveAndAppeal, findAppeal } from './shared.js';
import { defineCommand } from './types.js';

export const printpack = defineCommand({
  name: 'printpack',
  description: 'cmd_printpack',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const { drive, appeal } = await driveAndAppeal(input, ctx, deps, { needDrive: true });
    const appeals = await Promise.all(appealIdsOf(drive!).map((id) => (id === appeal.id ? appeal : findAppeal(id, deps))));
    const pack: PrintPackInput = {
      title: appeal.title,
      cases: appeals.map((a, i) => ({ number: i + 1, appeal: a })),
      locale: ctx.locale,
      paper: paperFor(ctx.actor.locale),
      deadline: drive!.deadline,
      timezone: drive!.timezone,
      now: ctx.now,
    };
    const pdf = await (deps.printPack ?? printPackPdf)(pack);
    return privateReply([{ type: 'text', text: escapeMarkdown(t('pack_ready', { title: appeal.title, count: appeals.length })) }], {
      attachments: [{ name: `${drive!.appealId}-printpack.pdf`, mimeType: 'application/pdf', data: pdf }],
    });
  },
});

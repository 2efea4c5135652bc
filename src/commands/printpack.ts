// /printpack: one PDF for an event table (each case, its letter and addresses, a tally sheet), sent privately.
import { driveAppealIds, type Drive } from '../core/drive.js';
import type { Locale } from '../core/i18n/index.js';
import { paperFor, type PaperSize } from '../core/kit/paper.js';
import { printPackPdf, type PrintPackInput } from '../core/kit/printpack.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply } from '../core/reply.js';
import { driveAndCase, findAppeal } from './shared.js';
import { defineCommand, type Deps } from './types.js';

export const printpack = defineCommand({
  name: 'printpack',
  description: 'cmd_printpack',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    // The whole drive: a campaign's every case, whichever case (if any) was named to find it.
    const { drive } = await driveAndCase(input, ctx, deps, { needDrive: true });
    const pack = await packOf(drive!, deps, { locale: ctx.locale, paper: paperFor(ctx.actor.locale), now: ctx.now });
    const pdf = await (deps.printPack ?? printPackPdf)(pack);
    return privateReply([{ type: 'text', text: escapeMarkdown(t('pack_ready', { title: pack.title, count: pack.cases.length })) }], {
      attachments: [{ name: packFileName(drive!), mimeType: 'application/pdf', data: pdf }],
    });
  },
});

/** `<appeal>-printpack.pdf` (a campaign: `<drive id>-printpack.pdf`): the name the pack goes by in chat and from the CLI. */
export const packFileName = (drive: Drive) => `${drive.cases.length === 1 ? drive.cases[0]!.appealId : drive.id}-printpack.pdf`;

/** What a drive's pack is made from: its cases in order, its deadline and time zone, in `locale`. */
export async function packOf(drive: Drive, deps: Pick<Deps, 'appeals'>, options: { locale: Locale; paper: PaperSize; now: Date }): Promise<PrintPackInput> {
  const appeals = await Promise.all(driveAppealIds(drive).map((id) => findAppeal(id, deps)));
  return {
    title: drive.title ?? (appeals.length === 1 ? appeals[0]!.title : appeals.map((a) => a.reference).join(', ')),
    cases: appeals.map((appeal, i) => ({ number: i + 1, appeal })),
    deadline: drive.deadline,
    timezone: drive.timezone,
    ...options,
  };
}

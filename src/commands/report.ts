// /report: the numbers to report by method, platform and space, with the CSV or a download link.
import type { Method } from '../core/drive.js';
import { attachmentLimit, exportAttachment } from '../core/export/attachment.js';
import { actionsCsvChunks } from '../core/export/csv-stream.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply, type Block } from '../core/reply.js';
import { PLATFORM_NAMES } from './progress.js';
import { chartAttachments } from './chart.js';
import { inCommunity, rowsOfCommunity } from '../core/walls.js';
import { driveAndAppeal, tallyText } from './shared.js';
import { defineCommand } from './types.js';

export { actionsCsv } from '../core/export/csv-stream.js';

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
/** `2026-12-01 02:15 UTC`: a link's expiry, the same for every member whatever their zone. */
const utcMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const report = defineCommand({
  name: 'report',
  description: 'cmd_report',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const { drive, appeal } = await driveAndAppeal(input, ctx, deps, { needDrive: false });
    const tally = await deps.ledger.tally(appeal.id);
    // A moderator reads their community's rows; the totals stay the whole count, naming no other space.
    const community = ctx.origin.operator ? undefined : ctx.origin.community;
    const spaces = Object.entries(tally.bySpace).filter(([space]) => community === undefined || inCommunity(space, community));
    const maxBytes = (deps.attachmentLimit ?? attachmentLimit)(ctx.actor.platform);
    // Rows are read in pages and compressed as they come; the loop gets a turn between pages.
    const file = await exportAttachment(actionsCsvChunks(rowsOfCommunity(deps.ledger.exportRows(appeal.id), community)), { name: `${appeal.id}-actions`, maxBytes });
    const about: Block[] = [{ type: 'text', text: t('report_csv') }];
    // Too large for the platform: a private link when the bot serves HTTP, the CLI command otherwise.
    // The link is text, as drive page links are: a platform that refuses a button URL (Telegram and
    // localhost) still shows it.
    const link = file.fits ? undefined : deps.exportLink?.(appeal.id, community);
    if (link) {
      about.push(
        { type: 'text', text: escapeMarkdown(t('report_csv_link', { limit: megabytes(maxBytes), until: utcMinute(link.expiresAt) })) },
        { type: 'text', text: escapeMarkdown(t('report_csv_download', { url: link.url })) },
      );
    } else if (!file.fits && community !== undefined) {
      about.push({ type: 'text', text: t('report_csv_too_large_community', { limit: megabytes(maxBytes) }) });
    } else if (!file.fits) {
      about.push(
        { type: 'text', text: t('report_csv_too_large', { limit: megabytes(maxBytes) }) },
        { type: 'copy', label: t('report_cli_label'), text: `npx actionbot report ${appeal.id} --csv > ${appeal.id}-actions.csv` },
      );
    } else if (file.attachment.mimeType === 'application/gzip') {
      about.push({ type: 'text', text: t('report_csv_gzip', { size: megabytes(file.csvBytes), compressed: megabytes(file.attachment.data.byteLength) }) });
    }
    const chart = drive ? await chartAttachments(drive, deps, ctx) : [];
    return privateReply(
      [
        { type: 'heading', text: t('report_heading', { reference: appeal.reference, title: appeal.title }) },
        { type: 'text', text: `**${escapeMarkdown(t('report_totals', { tally: tallyText(t, tally, drive?.goal) }))}**` },
        { type: 'text', text: escapeMarkdown(t('report_honest')) },
        { type: 'fields', fields: Object.entries(tally.byMethod).map(([m, n]) => ({ label: t(`method_${m as Method}`), value: String(n) })) },
        { type: 'text', text: `**${t('progress_by_platform')}**` },
        { type: 'fields', fields: Object.entries(tally.byPlatform).map(([p, n]) => ({ label: PLATFORM_NAMES[p] ?? p, value: String(n) })) },
        { type: 'text', text: `**${t(community === undefined ? 'report_spaces' : 'report_spaces_community')}**` },
        { type: 'fields', fields: spaces.map(([s, n]) => ({ label: s, value: String(n) })) },
        ...about,
      ],
      { attachments: [...(file.fits ? [file.attachment] : []), ...chart] },
    );
  },
});

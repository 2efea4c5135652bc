// /report: the numbers to report by case, method, platform and space, members' own reports apart from
// letters entered at event tables, with the CSV or a download link.
import { driveTally, type DriveTally } from '../core/campaign.js';
import type { Method } from '../core/drive.js';
import { attachmentLimit, exportAttachment } from '../core/export/attachment.js';
import { actionsCsvChunks, ofAppeal, withTableEntries, type MemberCsvRow } from '../core/export/csv-stream.js';
import type { Tally } from '../core/ledger/ledger.js';
import type { TableEntry } from '../core/tally-book.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply, type Block } from '../core/reply.js';
import { PLATFORM_NAMES } from './progress.js';
import { chartAttachments } from './chart.js';
import { inCommunity, rowsOfCommunity } from '../core/walls.js';
import { driveAndCase, findAppeal, tallyText, titleOf } from './shared.js';
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
    const found = await driveAndCase(input, ctx, deps, { needDrive: false });
    const { drive } = found;
    // A campaign with no case named reports the whole drive, case by case; a case named, that case.
    const appeal = found.appeal ?? (await findAppeal(drive!.cases[0]!.appealId, deps));
    const whole = drive !== undefined && (found.appeal === undefined || drive.cases.length === 1);
    const campaign: DriveTally | undefined = whole ? await driveTally(deps.ledger, drive) : undefined;
    const tally: Tally = campaign ?? (await deps.ledger.tally(appeal.id));
    const appealIds = campaign ? campaign.cases.map((c) => c.appealId) : [appeal.id];
    // Letters written at event tables in this drive, entered by its moderators: reported apart.
    const entries: TableEntry[] = drive ? (await deps.tallyBook.list(drive.id)).filter((e) => appealIds.includes(e.appealId)) : [];
    // A moderator reads their community's rows; the totals stay the whole count, naming no other space.
    const community = ctx.origin.operator ? undefined : ctx.origin.community;
    const spaces = Object.entries(tally.bySpace).filter(([space]) => community === undefined || inCommunity(space, community));
    const maxBytes = (deps.attachmentLimit ?? attachmentLimit)(ctx.actor.platform);
    // Rows are read in pages and compressed as they come; the loop gets a turn between pages.
    const name = campaign && campaign.cases.length > 1 ? `${drive!.title ? drive!.id : appealIds.join('+').slice(0, 60)}-actions` : `${appeal.id}-actions`;
    const memberRows = async function* (): AsyncIterable<MemberCsvRow> {
      for (const id of appealIds) yield* ofAppeal(rowsOfCommunity(deps.ledger.exportRows(id), community), id);
    };
    const file = await exportAttachment(actionsCsvChunks(withTableEntries(memberRows(), entries)), { name, maxBytes });
    const about: Block[] = [{ type: 'text', text: t('report_csv') }, { type: 'text', text: t('report_csv_kinds') }];
    // Too large for the platform: a private link when the bot serves HTTP, the CLI command otherwise.
    // The link is text, as drive page links are: a platform that refuses a button URL (Telegram and
    // localhost) still shows it.
    // The link serves one appeal's member rows: for a campaign, or with table entries, the CLI instead.
    const link = file.fits || appealIds.length > 1 || entries.length > 0 ? undefined : deps.exportLink?.(appeal.id, community);
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
    const goal = whole ? drive.goal : (drive?.cases.find((c) => c.appealId === appeal.id)?.goal ?? null);
    const tableBlocks: Block[] = [];
    if (entries.length > 0) {
      const byMethod = new Map<Method, number>();
      for (const e of entries) byMethod.set(e.method, (byMethod.get(e.method) ?? 0) + e.count);
      tableBlocks.push(
        { type: 'text', text: `**${t('report_table_heading')}**` },
        { type: 'text', text: escapeMarkdown(t('report_table_total', { count: entries.reduce((sum, e) => sum + e.count, 0) })) },
        { type: 'fields', fields: [...byMethod].map(([m, n]) => ({ label: t(`method_${m}`), value: String(n) })) },
      );
    }
    const caseBlocks: Block[] = [];
    if (campaign && campaign.cases.length > 1) {
      const titles = await Promise.all(campaign.cases.map((c) => deps.appeals.get(c.appealId)));
      caseBlocks.push(
        { type: 'text', text: `**${t('report_cases')}**` },
        {
          type: 'fields',
          fields: campaign.cases.map((c, i) => ({
            label: `${c.number}. ${titles[i]?.reference ?? c.appealId}`,
            value: t('report_case_row', { members: c.tally.actions, table: entries.filter((e) => e.appealId === c.appealId).reduce((sum, e) => sum + e.count, 0) }),
          })),
        },
      );
    }
    const heading = campaign && campaign.cases.length > 1 ? t('report_heading', { reference: titleOf(drive!, appeal), title: '' }).trim() : t('report_heading', { reference: appeal.reference, title: appeal.title });
    return privateReply(
      [
        { type: 'heading', text: heading },
        { type: 'text', text: `**${t('report_member_heading')}**` },
        { type: 'text', text: `**${escapeMarkdown(t('report_totals', { tally: tallyText(t, campaign ?? tally, goal) }))}**` },
        { type: 'text', text: escapeMarkdown(t('report_honest')) },
        { type: 'fields', fields: Object.entries(tally.byMethod).map(([m, n]) => ({ label: t(`method_${m as Method}`), value: String(n) })) },
        ...tableBlocks,
        ...caseBlocks,
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

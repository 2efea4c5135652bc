import { csvLines } from '../core/csv.js';
import type { Method } from '../core/drive.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply } from '../core/reply.js';
import type { ActionRow } from '../core/ledger/ledger.js';
import { PLATFORM_NAMES } from './progress.js';
import { chartAttachments } from './chart.js';
import { driveAndAppeal, tallyText } from './shared.js';
import { defineCommand } from './types.js';

/** RFC 4180 with CRLF line ends; cells a spreadsheet would take for a formula are neutralised. */
export function actionsCsv(rows: ActionRow[]): string {
  return csvLines([['time', 'space', 'platform', 'method', 'member_key'], ...rows.map((r) => [r.at, r.space, r.platform, r.method, r.member])]);
}

export const report = defineCommand({
  name: 'report',
  description: 'cmd_report',
  permission: 'moderator',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const { drive, appeal } = await driveAndAppeal(input, ctx, deps, { needDrive: false });
    const [tally, rows] = await Promise.all([deps.ledger.tally(appeal.id), deps.ledger.export(appeal.id)]);
    const csv = actionsCsv(rows);
    const chart = drive ? await chartAttachments(drive, deps, ctx) : [];
    return privateReply(
      [
        { type: 'heading', text: t('report_heading', { reference: appeal.reference, title: appeal.title }) },
        { type: 'text', text: `**${escapeMarkdown(t('report_totals', { tally: tallyText(t, tally, drive?.goal) }))}**` },
        { type: 'text', text: escapeMarkdown(t('report_honest')) },
        { type: 'fields', fields: Object.entries(tally.byMethod).map(([m, n]) => ({ label: t(`method_${m as Method}`), value: String(n) })) },
        { type: 'text', text: `**${t('progress_by_platform')}**` },
        { type: 'fields', fields: Object.entries(tally.byPlatform).map(([p, n]) => ({ label: PLATFORM_NAMES[p] ?? p, value: String(n) })) },
        { type: 'text', text: `**${t('report_spaces')}**` },
        { type: 'fields', fields: Object.entries(tally.bySpace).map(([s, n]) => ({ label: s, value: String(n) })) },
        { type: 'text', text: t('report_csv') },
      ],
      { attachments: [{ name: `${appeal.id}-actions.csv`, mimeType: 'text/csv', data: new TextEncoder().encode(csv) }, ...chart] },
    );
  },
});

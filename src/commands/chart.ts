// The drive's chart as a PNG attachment and its page link, added to the replies that show progress.
import { driveSeries } from '../core/campaign.js';
import { driveChartSvg } from '../core/chart/drive-chart.js';
import type { Drive } from '../core/drive.js';
import type { Locale, Translate } from '../core/i18n/index.js';
import { escapeMarkdown } from '../core/markdown.js';
import type { Attachment, Block } from '../core/reply.js';
import type { Deps } from './types.js';

/**
 * The drive's chart as a PNG attachment, the same picture as on its page; none when this bot draws
 * no charts. Reads the hourly counters of the drive's space, never the actions.
 */
export async function chartAttachments(drive: Drive, deps: Pick<Deps, 'ledger' | 'renderPng'>, options: { t: Translate; locale: Locale; now: Date }): Promise<Attachment[]> {
  if (!deps.renderPng) return [];
  // A campaign's chart adds its cases up hour by hour.
  const points = await driveSeries(deps.ledger, drive);
  const png = await deps.renderPng(driveChartSvg(drive, points, options));
  // A campaign's chart is of every case: named like its report's CSV, never after its first case alone.
  return [{ name: `${drive.title ? drive.id : drive.cases.map((c) => c.appealId).join('+').slice(0, 60)}-chart.png`, mimeType: 'image/png', data: png }];
}

/** "Live page: https://..." when the drive's page is on and the bot serves pages. */
export function pageLinkBlocks(t: Translate, drive: Drive, deps: Pick<Deps, 'pageLink'>, options: { screen?: boolean } = {}): Block[] {
  if (!drive.page || !drive.pageId || !deps.pageLink) return [];
  const url = deps.pageLink(drive.pageId);
  const blocks: Block[] = [{ type: 'text', text: escapeMarkdown(t('page_link', { url })) }];
  // For the moderator who turned it on: the projector view is the same page with ?screen=1 (docs/evening.md).
  if (options.screen) blocks.push({ type: 'text', text: escapeMarkdown(t('page_screen_link', { url: `${url}${url.includes('?') ? '&' : '?'}screen=1` })) });
  return blocks;
}

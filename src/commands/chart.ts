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
  return [{ name: `${drive.title ? drive.id : drive.cases[0]!.appealId}-chart.png`, mimeType: 'image/png', data: png }];
}

/** "Live page: https://..." when the drive's page is on and the bot serves pages. */
export function pageLinkBlocks(t: Translate, drive: Drive, deps: Pick<Deps, 'pageLink'>): Block[] {
  if (!drive.page || !drive.pageId || !deps.pageLink) return [];
  return [{ type: 'text', text: escapeMarkdown(t('page_link', { url: deps.pageLink(drive.pageId) })) }];
}

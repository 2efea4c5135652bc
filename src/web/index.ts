// Mounts the drive pages and export links on the bot's HTTP server.
import type { Deps, Logger } from '../commands/index.js';
import type { ExportTokens } from '../core/export/link.js';
import { exportRoute } from './export-route.js';
import { pngRenderer } from './png.js';
import { drivePages, type DrivePages, type DrivePagesOptions } from './page/routes.js';
import type { WebServer } from './server.js';

export { startWebServer, type Route, type WebServer } from './server.js';

/**
 * Puts the drive pages on the bot's server: commands then give page links under its public base,
 * and an action recorded in this process reaches open pages at once (others within the poll).
 */
export function mountDrivePages(web: WebServer, deps: Deps, logger: Logger, options: Pick<DrivePagesOptions, 'intervalMs' | 'limits' | 'cacheMs'> = {}): DrivePages {
  const pages = drivePages({ source: deps, link: web.link, renderPng: deps.renderPng ?? pngRenderer(), hold: (res) => web.hold(res), logger, clientAddress: (req) => web.clientAddress(req), ...options });
  web.use(pages.route);
  deps.pageLink = (pageId) => web.link(`/d/${pageId}`);
  // Recorded and undone actions raise events: open pages refresh at once.
  deps.onEvents.push(() => pages.hub.nudge());
  return pages;
}

/**
 * Puts export downloads on the bot's server: /report then answers an export too large for the
 * platform with a private link (`/export/<token>`, signed, one appeal, one hour) instead of the CLI.
 */
export function mountExportLinks(web: WebServer, deps: Deps, tokens: ExportTokens, logger: Logger): void {
  web.use(exportRoute({ tokens, ledger: deps.ledger, appeals: deps.appeals, drives: deps.drives, tallyBook: deps.tallyBook, logger }));
  deps.exportLink = (appealId, community) => {
    const grant = tokens.sign(appealId, community);
    return { url: web.link(`/export/${grant.token}`), expiresAt: grant.expiresAt };
  };
  deps.exportDriveLink = (driveId, community, appealId) => {
    const grant = tokens.signDrive(driveId, community, appealId);
    return { url: web.link(`/export/${grant.token}`), expiresAt: grant.expiresAt };
  };
}

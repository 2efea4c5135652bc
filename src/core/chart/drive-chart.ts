// A drive's chart: its time range and the SVG of its cumulative actions by method against the goal.
import { closesAt, METHODS, type Drive, type Method } from '../drive.js';
import type { Translate } from '../i18n/index.js';
import { cumulate, type SeriesPoint } from './series.js';
import { chartSvg } from './svg.js';

/** Where a drive's chart ends: now while it runs, its close or its early end afterwards. */
export function chartEnd(drive: Drive, now: Date): Date {
  const ends = [now.getTime(), closesAt(drive).getTime()];
  if (drive.endedAt) ends.push(Date.parse(drive.endedAt));
  return new Date(Math.min(...ends));
}

/**
 * A drive's chart as SVG, in the drive's language and zone: its space's actions over time by method
 * against its goal. The description says in words what the picture shows.
 */
export function driveChartSvg(drive: Drive, points: readonly SeriesPoint[], options: { t: Translate; locale: string; now: Date; idPrefix?: string }): string {
  const { t } = options;
  const from = new Date(drive.startedAt);
  const to = chartEnd(drive, options.now);
  const data = cumulate(points, { from, to });
  const methods = Object.fromEntries(METHODS.map((m) => [m, t(`method_${m}`)])) as Record<Method, string>;
  const parts = data.methods.map((m) => `${methods[m]} ${data.byMethod[m].at(-1) ?? 0}`).join(', ');
  const description = t('chart_desc', { count: data.total, goal: drive.goal ?? t('drive_no_goal'), methods: parts || '-' });
  return chartSvg({
    points,
    from,
    to,
    goal: drive.goal,
    timezone: drive.timezone,
    locale: options.locale,
    idPrefix: options.idPrefix,
    labels: { title: t('chart_title'), description, goal: drive.goal ? t('chart_goal', { goal: drive.goal }) : '', methods },
  });
}

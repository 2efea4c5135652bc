// Draws the chart as SVG with our own code: axes, stacked areas by method, the goal line.
import { METHODS, type Method } from '../drive.js';
import { cumulate, type SeriesPoint } from './series.js';

/** Okabe-Ito colours: told apart with the common colour-vision deficiencies, 3:1 or more on white. */
export const METHOD_COLOURS = { email: '#0072B2', post: '#D55E00', phone: '#009E73', social: '#CC79A7', other: '#7A6A00', card: '#56B4E9' } as const satisfies Record<Method, string>;

export type ChartInput = {
  points: readonly SeriesPoint[];
  /** The drive's start and the chart's right edge (now, or the close when it has passed). */
  from: Date;
  to: Date;
  goal: number | null;
  timezone: string;
  locale: string;
  labels: { title: string; description: string; goal: string; methods: Record<Method, string> };
  /** Keeps ids unique when a page holds more than one chart. */
  idPrefix?: string;
  width?: number;
  height?: number;
};

const FONT = "'DejaVu Sans', Verdana, sans-serif";

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round step for about five ticks up to `max`. */
function tickStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

function dateLabel(ms: number, spanMs: number, locale: string, timeZone: string): string {
  const short = spanMs <= 2 * 86_400_000;
  return new Intl.DateTimeFormat(locale, short ? { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { timeZone, day: 'numeric', month: 'short' }).format(ms);
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The drive's chart: actions over time, cumulative and stacked by method, with the goal as a dashed
 * line. Plain SVG, no script, labelled for screen readers; the same markup is rendered to PNG.
 */
export function chartSvg(input: ChartInput): string {
  const width = input.width ?? 720;
  const height = input.height ?? 360;
  const id = input.idPrefix ?? 'chart';
  const data = cumulate(input.points, { from: input.from, to: input.to });
  const pad = { left: 52, right: 16, top: 20, bottom: 64 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const yTop = Math.max(5, input.goal ?? 0, data.total) * 1.08;
  const step = tickStep(yTop);
  const yMax = Math.ceil(yTop / step) * step;
  const span = Math.max(1, data.ends[data.ends.length - 1]! - data.from);
  const x = (ms: number) => round(pad.left + ((ms - data.from) / span) * plotW);
  const y = (n: number) => round(pad.top + plotH - (n / yMax) * plotH);

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}" font-size="13">`);
  parts.push(`<title id="${id}-title">${escapeXml(input.labels.title)}</title><desc id="${id}-desc">${escapeXml(input.labels.description)}</desc>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  for (let v = 0; v <= yMax; v += step) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#d0d0d0"/>`);
    parts.push(`<text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#333">${v}</text>`);
  }
  // Stacked areas: each method's band lies on the running total of the methods before it.
  const below = [data.from, ...data.ends].map(() => 0);
  for (const method of METHODS) {
    if (!data.methods.includes(method)) continue;
    const values = [data.start[method], ...data.byMethod[method]];
    const times = [data.from, ...data.ends];
    const top = values.map((v, i) => below[i]! + v);
    const upper = times.map((t, i) => `${x(t)},${y(top[i]!)}`);
    const lower = times.map((t, i) => `${x(t)},${y(below[i]!)}`).reverse();
    parts.push(`<path d="M${upper.join('L')}L${lower.join('L')}Z" fill="${METHOD_COLOURS[method]}" fill-opacity="0.85"/>`);
    parts.push(`<path d="M${upper.join('L')}" fill="none" stroke="${METHOD_COLOURS[method]}" stroke-width="2"/>`);
    top.forEach((v, i) => (below[i] = v));
  }
  if (input.goal) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(input.goal)}" y2="${y(input.goal)}" stroke="#111" stroke-width="2" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${pad.left + 6}" y="${y(input.goal) - 6}" fill="#111" font-weight="bold">${escapeXml(input.labels.goal)}</text>`);
  }
  parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`);
  const end = data.ends[data.ends.length - 1]!;
  parts.push(`<text x="${pad.left}" y="${y(0) + 18}" fill="#333">${escapeXml(dateLabel(data.from, span, input.locale, input.timezone))}</text>`);
  parts.push(`<text x="${width - pad.right}" y="${y(0) + 18}" text-anchor="end" fill="#333">${escapeXml(dateLabel(end, span, input.locale, input.timezone))}</text>`);
  let legendX = pad.left;
  for (const method of data.methods) {
    const label = `${input.labels.methods[method]}: ${data.byMethod[method][data.byMethod[method].length - 1] ?? 0}`;
    parts.push(`<rect x="${legendX}" y="${height - 24}" width="12" height="12" fill="${METHOD_COLOURS[method]}"/>`);
    parts.push(`<text x="${legendX + 16}" y="${height - 13}" fill="#111">${escapeXml(label)}</text>`);
    legendX += 16 + label.length * 7.5 + 18;
  }
  parts.push('</svg>');
  return parts.join('');
}

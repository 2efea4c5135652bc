// The ledger's hourly counters turned into cumulative series for the chart.
import { METHODS, type Method } from '../drive.js';

/** One counter of the ledger's series: actions by one method in one UTC hour (`YYYY-MM-DDTHH`). */
export type SeriesPoint = { hour: string; method: Method; count: number };

/** Cumulative counts at the end of each column, stacked in `METHODS` order. */
export type Cumulative = {
  /** Column ends, epoch milliseconds; the chart starts at `from`. */
  ends: number[];
  from: number;
  /** What was counted before `from`, per method. */
  start: Record<Method, number>;
  /** Per method, the running total at each column end. */
  byMethod: Record<Method, number[]>;
  /** Methods with at least one action, in `METHODS` order. */
  methods: Method[];
  total: number;
};

const HOUR = 3_600_000;

/** Epoch milliseconds of a series hour; NaN when the key is malformed. */
export function hourStart(hour: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(hour) ? Date.parse(`${hour}:00:00Z`) : Number.NaN;
}

function zeros(): Record<Method, number> {
  return Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<Method, number>;
}

/**
 * Turns hourly counters into running totals over at most `maxColumns` columns between `from` and
 * `to` (several hours per column on long drives, so the chart's size does not grow with time).
 * Counters before `from` start the lines; hours that begin after `to` are left out.
 */
export function cumulate(points: readonly SeriesPoint[], range: { from: Date; to: Date }, maxColumns = 120): Cumulative {
  const from = Math.floor(range.from.getTime() / HOUR) * HOUR;
  const to = Math.max(range.to.getTime(), from + HOUR);
  const hours = Math.ceil((to - from) / HOUR);
  const step = Math.max(1, Math.ceil(hours / maxColumns)) * HOUR;
  const columns = Math.ceil((to - from) / step);
  const start = zeros();
  const added = Object.fromEntries(METHODS.map((m) => [m, new Array<number>(columns).fill(0)])) as Record<Method, number[]>;
  for (const point of points) {
    const at = hourStart(point.hour);
    // An hour counts from its start: the hour `to` falls in is the chart's last column.
    if (Number.isNaN(at) || at > to || !(point.method in start)) continue;
    if (at < from) start[point.method] += point.count;
    else added[point.method][Math.min(columns - 1, Math.floor((at - from) / step))]! += point.count;
  }
  const byMethod = {} as Record<Method, number[]>;
  for (const method of METHODS) {
    let running = start[method];
    byMethod[method] = added[method].map((n) => (running = Math.max(0, running + n)));
  }
  const ends = Array.from({ length: columns }, (_, i) => Math.min(from + (i + 1) * step, to));
  const last = (m: Method) => byMethod[m][columns - 1] ?? start[m];
  const methods = METHODS.filter((m) => last(m) > 0 || start[m] > 0);
  return { ends, from: range.from.getTime(), start, byMethod, methods, total: METHODS.reduce((sum, m) => sum + last(m), 0) };
}

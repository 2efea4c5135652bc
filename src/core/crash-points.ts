/**
 * Named points in the command path where a fault test kills the process (kill -9 of itself), to
 * prove that a crash there loses nothing and counts nothing twice. Inert unless armed: only
 * `main` arms it, from ACTIONBOT_CRASH_AT, which no deployment sets.
 */
export const CRASH_POINTS = [
  /** A command that commits no ledger write holds its delivery's lease; its work has not begun. */
  'after-lease',
  /** A ledger write is about to commit (its claim, change and events). */
  'before-ledger-commit',
  /** A ledger write committed; nobody has been answered. */
  'after-ledger-commit',
  /** A claimed write outside the ledger (a table count, news) is about to commit with its claim. */
  'before-write-commit',
  /** That write committed with its claim; nobody has been answered. */
  'after-write-commit',
  /** The member's answer was handed to the platform; the delivery is not yet acknowledged (webhook). */
  'after-answer',
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

let armed: { point: CrashPoint; pass: number } | undefined;
let passes = 0;

/**
 * Arms one point: `after-ledger-commit` kills the process the first time it is passed,
 * `after-ledger-commit@40` the 40th time. Anything else is refused in one line.
 */
export function armCrashPoint(spec: string | undefined): void {
  if (spec === undefined || spec === '') return;
  const [point, pass = '1'] = spec.split('@');
  if (!CRASH_POINTS.includes(point as CrashPoint) || !/^[1-9]\d*$/.test(pass)) {
    throw new Error(`ACTIONBOT_CRASH_AT: expected one of ${CRASH_POINTS.join(', ')}, optionally @N, got "${spec}"`);
  }
  armed = { point: point as CrashPoint, pass: Number(pass) };
  passes = 0;
}

/** Dies here if this point is armed and its pass has come; otherwise nothing. */
export function crashPoint(point: CrashPoint): void {
  if (armed?.point !== point) return;
  passes += 1;
  if (passes >= armed.pass) process.kill(process.pid, 'SIGKILL');
}

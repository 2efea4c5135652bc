/**
 * A fixed-offset zone where it is at least 00:40 now, with today's date there and the time ten
 * minutes ago: a drive ending today whose `0d at=<tenMinutesAgo>` reminder, scheduled half an hour
 * ago (a test app's clock), is due when bot processes start, within the 12 hours a late post is sent.
 */
export function dueReminderZone(now: Date): { zone: string; date: string; tenMinutesAgo: string } {
  for (const [zone, hours] of [['UTC', 0], ['Etc/GMT-12', 12]] as const) {
    const local = new Date(now.getTime() + hours * 3_600_000);
    if (local.getUTCHours() * 60 + local.getUTCMinutes() < 40) continue;
    const before = new Date(local.getTime() - 10 * 60_000);
    return { zone, date: local.toISOString().slice(0, 10), tenMinutesAgo: before.toISOString().slice(11, 16) };
  }
  throw new Error('unreachable: UTC and UTC+12 cannot both be before 00:40');
}

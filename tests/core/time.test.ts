import { describe, expect, it } from 'vitest';
import { closesAt } from '../../src/core/drive.js';
import { addDays, daysBetween, endOfDay, isCalendarDate, localDate, zonedInstant } from '../../src/core/time.js';

describe('time zones', () => {
  it('ends a deadline day at local midnight, across daylight-saving changes', () => {
    expect(endOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(endOfDay('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(endOfDay('2026-10-25', 'Europe/Paris').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(endOfDay('2026-10-24', 'Europe/Paris').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(closesAt({ deadline: '2026-12-31', timezone: 'Pacific/Kiritimati' }).toISOString()).toBe('2026-12-31T10:00:00.000Z');
  });

  it('finds the instant of a local time, taking the later one in a spring-forward gap', () => {
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Madrid').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('counts calendar days in the zone, not 24-hour spans', () => {
    expect(localDate(new Date('2026-11-28T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-29');
    expect(daysBetween('2026-03-07', '2026-03-10')).toBe(3);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('rejects dates that do not exist', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-45')).toBe(false);
    expect(isCalendarDate('yesterday')).toBe(false);
  });
});

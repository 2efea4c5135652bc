import { describe, expect, it } from 'vitest';
import { cumulate, hourStart, type SeriesPoint } from '../../../src/core/chart/series.js';

const from = new Date('2026-11-28T09:00:00Z');
const to = new Date('2026-11-28T15:00:00Z');

describe('cumulate', () => {
  it('turns hourly counters into running totals per method', () => {
    const points: SeriesPoint[] = [
      { hour: '2026-11-28T09', method: 'email', count: 2 },
      { hour: '2026-11-28T11', method: 'email', count: 1 },
      { hour: '2026-11-28T11', method: 'post', count: 3 },
    ];
    const data = cumulate(points, { from, to });
    expect(data.ends).toHaveLength(6);
    expect(data.byMethod.email).toEqual([2, 2, 3, 3, 3, 3]);
    expect(data.byMethod.post).toEqual([0, 0, 3, 3, 3, 3]);
    expect(data.methods).toEqual(['email', 'post']);
    expect(data.total).toBe(6);
  });

  it('starts from what was counted before the drive and leaves out what comes after the edge', () => {
    const data = cumulate(
      [
        { hour: '2026-11-27T20', method: 'phone', count: 4 },
        { hour: '2026-11-28T10', method: 'phone', count: 1 },
        { hour: '2026-11-28T16', method: 'phone', count: 9 },
      ],
      { from, to },
    );
    expect(data.start.phone).toBe(4);
    expect(data.byMethod.phone[0]).toBe(4);
    expect(data.byMethod.phone.at(-1)).toBe(5);
    expect(data.total).toBe(5);
  });

  it('keeps the number of columns bounded on a long drive and loses no count', () => {
    const points: SeriesPoint[] = Array.from({ length: 24 * 60 }, (_, i) => ({
      hour: new Date(from.getTime() + i * 3_600_000).toISOString().slice(0, 13),
      method: i % 2 === 0 ? 'email' : 'social',
      count: 1,
    }));
    const data = cumulate(points, { from, to: new Date(from.getTime() + 60 * 86_400_000) }, 120);
    expect(data.ends.length).toBeLessThanOrEqual(120);
    expect(data.total).toBe(24 * 60);
    expect(data.byMethod.email.at(-1)).toBe(12 * 60);
  });

  it('never draws a negative line when undos outweigh a bucket', () => {
    const data = cumulate(
      [
        { hour: '2026-11-28T09', method: 'email', count: 1 },
        { hour: '2026-11-28T10', method: 'email', count: -2 },
      ],
      { from, to },
    );
    expect(Math.min(...data.byMethod.email)).toBe(0);
  });

  it('ignores malformed hour keys', () => {
    expect(Number.isNaN(hourStart('2026-11-28 09'))).toBe(true);
    expect(cumulate([{ hour: 'yesterday', method: 'email', count: 5 }], { from, to }).total).toBe(0);
  });
});

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/core/chart/svg.js';
import { chartFontFiles, pngRenderer } from '../../src/web/png.js';
import { pngSize } from '../support/png.js';

const svg = chartSvg({
  points: [{ hour: '2026-11-28T09', method: 'email', count: 3 }],
  from: new Date('2026-11-28T08:00:00Z'),
  to: new Date('2026-11-29T08:00:00Z'),
  goal: 10,
  timezone: 'UTC',
  locale: 'en',
  labels: { title: 'Actions', description: '3 actions', goal: 'Goal: 10', methods: { email: 'email', post: 'post', phone: 'phone', social: 'social', other: 'other', card: 'card' } },
});

describe('the chart as PNG', () => {
  it('renders at the asked width keeping the aspect, within a chat upload size', async () => {
    const png = await pngRenderer(1200)(svg);
    expect(pngSize(png)).toEqual({ width: 1200, height: 600 });
    expect(png.byteLength).toBeGreaterThan(5_000);
    expect(png.byteLength).toBeLessThan(200_000);
  });

  it('uses the bundled fonts only', () => {
    const files = chartFontFiles();
    expect(files.every((f) => f.includes('dejavu-fonts-ttf') && existsSync(f))).toBe(true);
  });
});

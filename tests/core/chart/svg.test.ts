import { describe, expect, it } from 'vitest';
import { chartSvg, METHOD_COLOURS, type ChartInput } from '../../../src/core/chart/svg.js';

const input = (over: Partial<ChartInput> = {}): ChartInput => ({
  points: [
    { hour: '2026-11-28T09', method: 'email', count: 3 },
    { hour: '2026-11-28T12', method: 'post', count: 1 },
  ],
  from: new Date('2026-11-28T08:00:00Z'),
  to: new Date('2026-11-30T08:00:00Z'),
  goal: 10,
  timezone: 'Europe/Paris',
  locale: 'en',
  labels: { title: 'Actions over time', description: '4 actions of a goal of 10', goal: 'Goal: 10', methods: { email: 'email', post: 'posted letter', phone: 'phone call', social: 'social media post', other: 'other action', card: 'solidarity card' } },
  ...over,
});

describe('chartSvg', () => {
  it('is a labelled image for screen readers, with no script', () => {
    const svg = chartSvg(input());
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<title id="chart-title">Actions over time</title>');
    expect(svg).toContain('<desc id="chart-desc">4 actions of a goal of 10</desc>');
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it('draws one band per method used, a legend with totals, and the goal line', () => {
    const svg = chartSvg(input());
    expect(svg).toContain(`fill="${METHOD_COLOURS.email}"`);
    expect(svg).toContain(`fill="${METHOD_COLOURS.post}"`);
    expect(svg).not.toContain(`fill="${METHOD_COLOURS.phone}"`);
    expect(svg).toContain('email: 3');
    expect(svg).toContain('posted letter: 1');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('Goal: 10');
    expect(chartSvg(input({ goal: null }))).not.toContain('stroke-dasharray');
  });

  it('puts the goal line at the goal on the scale', () => {
    const svg = chartSvg(input());
    const goalY = Number(/<line [^>]*y1="([\d.]+)"[^>]*stroke-dasharray/.exec(svg)![1]);
    const tick = (v: number) => Number(new RegExp(`<text [^>]*y="([\\d.]+)"[^>]*>${v}</text>`).exec(svg)![1]) - 4;
    expect(goalY).toBeCloseTo(tick(10), 0);
  });

  it('labels the time axis in the drive zone and language', () => {
    expect(chartSvg(input())).toContain('Nov 28');
    expect(chartSvg(input({ locale: 'es' }))).toMatch(/28 nov/);
  });

  it('escapes text that would break the markup', () => {
    const svg = chartSvg(input({ labels: { ...input().labels, title: 'A <b> & "c"' } }));
    expect(svg).toContain('A &#60;b&#62; &#38; &#34;c&#34;');
  });
});

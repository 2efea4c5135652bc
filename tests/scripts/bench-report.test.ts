import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without type declarations
import { mergeResults, parseBenchOutput, renderReport } from '../../scripts/bench-report.js';

const run1 = { at: '2026-12-01T04:11:00Z', commit: 'aaaaaaa', machine: '2 x Test CPU, 4 GB' };
const run2 = { at: '2026-12-07T00:20:00Z', commit: 'bbbbbbb', machine: '2 x Test CPU, 4 GB' };

describe('docs/benchmarks.md from npm run bench output', () => {
  it('keeps the bench lines and skips the rest of what was printed', () => {
    const text = 'actionbot: built dist/ in 5 s\n{"name":"ledger.record.sqlite","n":20000,"ops_per_s":100,"p50_ms":1,"p99_ms":7}\n{not json\n{"no":"name"}\n';
    expect(parseBenchOutput(text)).toEqual([{ name: 'ledger.record.sqlite', n: 20000, ops_per_s: 100, p50_ms: 1, p99_ms: 7 }]);
  });

  it('replaces only the measurements a run made, each row naming its run, and keeps medians not rounds', () => {
    const first = mergeResults({}, [
      { name: 'ledger.record.sqlite', n: 20000, ops_per_s: 100, p50_ms: 1, p99_ms: 7 },
      { name: 'importer.seed_5mb', ms: 356, ratio_to_seed: 1 },
    ], run1);
    const second = mergeResults(first, [
      { name: 'importer.seed_5mb', ms: 400, ratio_to_seed: 1 },
      { name: 'slack.ack.cold', p99_ms: 180, round: 1 },
      { name: 'acted.skipped', skipped: true, reason: 'no git history' },
      { name: 'target.importer.at_signs.within_3x_seed', ok: false, ratio: 3.2 },
    ], run2);
    const page: string = renderReport(second);
    expect(page).toContain('| 1 | 2026-12-01T04:11:00Z | aaaaaaa | 2 x Test CPU, 4 GB |');
    expect(page).toContain('| 2 | 2026-12-07T00:20:00Z | bbbbbbb |');
    expect(page).toContain('| `ledger.record.sqlite` | 20000 | 100 | 1 | 7 |  | 1 |');
    expect(page).toContain('| `importer.seed_5mb` |  |  |  |  | ms 400, ratio_to_seed 1 | 2 |');
    expect(page).toContain('| `importer.at_signs.within_3x_seed` | **no** | ratio 3.2 | 2 |');
    expect(page).not.toContain('slack.ack.cold');
    expect(page).not.toContain('| `acted.skipped`');
  });
});

import { readFileSync } from 'node:fs';
import { importUrgentAction } from '../src/core/importer/index.js';
import { PATHOLOGICAL } from './importer-inputs.js';

export type ImporterBenchLine = { name: string; ms: number; ratio_to_seed: number };

const FIVE_MB = 5 * 1024 * 1024;

function timed(text: string): number {
  const started = performance.now();
  importUrgentAction(text);
  return performance.now() - started;
}

/**
 * Reads 5 MB of the repeated seed (the baseline: real text, every reader busy) and 5 MB of each pathological
 * input, in the same run; each pathological input is judged by its time as a ratio to the baseline's.
 */
export function benchImporter(): ImporterBenchLine[] {
  const seed = readFileSync(new URL('../tests/fixtures/ua/ua-34-25.txt', import.meta.url), 'utf8');
  const baselineText = seed.repeat(Math.floor((FIVE_MB - 10) / Buffer.byteLength(seed)));
  timed(seed);
  const baseline = timed(baselineText);
  const lines: ImporterBenchLine[] = [{ name: 'importer.seed_5mb', ms: Number(baseline.toFixed(1)), ratio_to_seed: 1 }];
  for (const [name, text] of PATHOLOGICAL) {
    const ms = timed(text);
    lines.push({ name: `importer.${name.replace(/\s+/g, '_')}`, ms: Number(ms.toFixed(1)), ratio_to_seed: Number((ms / baseline).toFixed(2)) });
  }
  return lines;
}

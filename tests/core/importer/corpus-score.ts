import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Appeal } from '../../../src/core/appeal.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';

const CORPUS = new URL('../../fixtures/ua/corpus/', import.meta.url);

/** The hand-written expected fields of one corpus text (see tests/fixtures/ua/corpus/README.md). */
const expectedSchema = z.object({
  source: z.string(),
  published: z.string(),
  language: z.enum(['en', 'es', 'fr']),
  number: z.string().nullable(),
  deadline: z.string().nullable(),
  targets: z.array(z.object({ name: z.string(), emails: z.array(z.string()) })),
  salutation: z.string().nullable(),
});

export type Expected = z.infer<typeof expectedSchema>;

export type CorpusText = { name: string; text: string; expected: Expected };

export function corpusTexts(): CorpusText[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f,
      text: readFileSync(new URL(f, CORPUS), 'utf8'),
      expected: expectedSchema.parse(JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.json'), CORPUS), 'utf8'))),
    }));
}

/** One checked field: what was expected, what came out, and whether they agree. */
export type FieldCheck = { field: string; expected: string; got: string; right: boolean };

const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const bareSalutation = (s: string): string => fold(s).replace(/[\s,:;.!]+$/, '');
/** "UA 132.19", "132/19" and "047/24" name the same numbers as "132/19" and "47/24". */
const bareNumber = (s: string): string => s.split(/[./]/).map((p) => p.replace(/^0+(?=\d)/, '')).join('/');

/**
 * Scores one import against its labels: the number, the deadline, each expected target's name and emails
 * (a target matches when its name contains the expected name), the salutation when the text has one, and
 * one failed field for every target the importer produced that the text does not name.
 */
export function scoreText(expected: Expected, appeal: Appeal | undefined): FieldCheck[] {
  const checks: FieldCheck[] = [];
  // A refused text gets nothing right, not even an absent deadline.
  const check = (field: string, want: string, got: string, right: boolean): void => {
    checks.push({ field, expected: want, got, right: appeal !== undefined && right });
  };
  const number = appeal?.number ?? null;
  check('number', expected.number ?? '-', number ?? '-', expected.number === null ? number === null : number !== null && bareNumber(number) === bareNumber(expected.number));
  const deadline = appeal?.deadline ?? null;
  check('deadline', expected.deadline ?? '-', deadline ?? '-', deadline === expected.deadline);
  const targets = appeal?.targets ?? [];
  const used = new Set<number>();
  for (const want of expected.targets) {
    const at = targets.findIndex((t, i) => !used.has(i) && fold(t.name).includes(fold(want.name)));
    const found = at >= 0 ? targets[at] : undefined;
    if (at >= 0) used.add(at);
    check('target name', want.name, found?.name ?? '-', found !== undefined);
    const wantEmails = want.emails.map(fold).sort().join(', ');
    const gotEmails = (found?.emails ?? []).map(fold).sort().join(', ');
    check('target emails', wantEmails || '-', found ? gotEmails || '-' : '(no target)', found !== undefined && wantEmails === gotEmails);
  }
  targets.forEach((t, i) => {
    if (!used.has(i)) check('extra target', '-', t.name, false);
  });
  if (expected.salutation !== null) {
    const got = appeal?.letter.salutation ?? '-';
    check('salutation', expected.salutation, got, appeal !== undefined && bareSalutation(got) === bareSalutation(expected.salutation));
  }
  return checks;
}

export type CorpusReport = { texts: number; refused: string[]; fields: number; right: number; wrong: { name: string; check: FieldCheck }[] };

/** Imports every corpus text and scores the expected fields over the whole corpus. */
export function scoreCorpus(): CorpusReport {
  const report: CorpusReport = { texts: 0, refused: [], fields: 0, right: 0, wrong: [] };
  for (const { name, text, expected } of corpusTexts()) {
    report.texts++;
    const result = importUrgentAction(text);
    if (!result.ok) report.refused.push(`${name}: ${result.message}`);
    for (const c of scoreText(expected, result.ok ? result.appeal : undefined)) {
      report.fields++;
      if (c.right) report.right++;
      else report.wrong.push({ name, check: c });
    }
  }
  return report;
}

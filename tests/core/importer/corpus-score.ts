import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Appeal } from '../../../src/core/appeal.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';

/** The corpus of issue 15, and the texts issue 27 added (never seen by the importer before it was changed). */
export const CORPUS = new URL('../../fixtures/ua/corpus/', import.meta.url);
export const CORPUS_2 = new URL('../../fixtures/ua/corpus-2/', import.meta.url);
/** Texts gathered after the importer was changed for `CORPUS_2`, labelled before it was run on them. */
export const CORPUS_3 = new URL('../../fixtures/ua/corpus-3/', import.meta.url);
/** A second held-out set, gathered and labelled by a session that never changed the importer. */
export const CORPUS_4 = new URL('../../fixtures/ua/corpus-4/', import.meta.url);

/** The hand-written expected fields of one corpus text (see the README beside each corpus). */
const expectedSchema = z.object({
  source: z.string(),
  published: z.string(),
  language: z.enum(['en', 'es', 'fr', 'de', 'pt', 'nl', 'pl']),
  /** A rough name for the page's layout, for the per-layout score (issue 27's labels only). */
  layout: z.string().optional(),
  /** What the text is; labelled on issue 27's texts only. `not-an-appeal` must be refused. */
  kind: z.enum(['appeal', 'update', 'closure', 'good-news', 'not-an-appeal']).optional(),
  number: z.string().nullable(),
  deadline: z.string().nullable(),
  targets: z.array(z.object({ name: z.string(), emails: z.array(z.string()) })),
  salutation: z.string().nullable(),
});

export type Expected = z.infer<typeof expectedSchema>;

export type CorpusText = { name: string; text: string; expected: Expected };

export function corpusTexts(dir: URL = CORPUS): CorpusText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f,
      text: readFileSync(new URL(f, dir), 'utf8'),
      expected: expectedSchema.parse(JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.json'), dir), 'utf8'))),
    }));
}

/** One checked field: what was expected, what came out, and whether they agree. */
export type FieldCheck = { field: string; expected: string; got: string; right: boolean };

/** What the importer made of a text, as far as the score is concerned. */
export type Imported = { appeal: Appeal; kind?: string } | { refused: string };

const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const bareSalutation = (s: string): string => fold(s).replace(/[\s,:;.!]+$/, '');
/** "UA 132.19", "132/19" and "047/24" name the same numbers as "132/19" and "47/24". */
const bareNumber = (s: string): string => s.split(/[./]/).map((p) => p.replace(/^0+(?=\d)/, '')).join('/');

/**
 * Scores one import against its labels: the number, the deadline, each expected target's name and emails
 * (a target matches when its name contains the expected name), the salutation when the text has one, one
 * failed field for every target (not marked a copy) the importer produced that the text does not name, and the kind when the
 * text is labelled with one. A text labelled `not-an-appeal` has one field: that it was refused.
 */
export function scoreText(expected: Expected, result: Imported): FieldCheck[] {
  const appeal = 'appeal' in result ? result.appeal : undefined;
  if (expected.kind === 'not-an-appeal') {
    return [{ field: 'refused', expected: 'refused', got: appeal ? 'imported' : 'refused', right: appeal === undefined }];
  }
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
  const used = matchTargets(expected, targets.map((t) => t.name));
  expected.targets.forEach((want, w) => {
    const found = used.get(w) === undefined ? undefined : targets[used.get(w) as number];
    check('target name', want.name, found?.name ?? '-', found !== undefined);
    const wantEmails = want.emails.map(fold).sort().join(', ');
    const gotEmails = (found?.emails ?? []).map(fold).sort().join(', ');
    check('target emails', wantEmails || '-', found ? gotEmails || '-' : '(no target)', found !== undefined && wantEmails === gotEmails);
  });
  const matched = new Set(used.values());
  // A "copies to" recipient marked as a copy is read right: it is listed, and never written to as the official.
  targets.forEach((t, i) => {
    if (!matched.has(i) && !t.copy) check('extra target', '-', t.name, false);
  });
  if (expected.salutation !== null) {
    const got = appeal?.letter.salutation ?? '-';
    check('salutation', expected.salutation, got, appeal !== undefined && bareSalutation(got) === bareSalutation(expected.salutation));
  }
  if (expected.kind !== undefined) {
    const got = 'appeal' in result ? (result.kind ?? 'appeal') : '-';
    check('kind', expected.kind, got, got === expected.kind);
  }
  return checks;
}

/** Expected target index -> produced target index, each produced target used once. */
function matchTargets(expected: Expected, names: string[]): Map<number, number> {
  const used = new Map<number, number>();
  const taken = new Set<number>();
  expected.targets.forEach((want, w) => {
    const at = names.findIndex((n, i) => !taken.has(i) && fold(n).includes(fold(want.name)));
    if (at >= 0) {
      used.set(w, at);
      taken.add(at);
    }
  });
  return used;
}

/**
 * The addresses rule of issue 27: of the emails the text gives for its officials, how many the importer
 * attached to the right official; and every email attached to an official the text does not give it for
 * (another official's, a copy recipient's, an embassy's), which must be none.
 */
export function scoreAddresses(expected: Expected, appeal: Appeal | undefined): { given: number; attached: number; wrong: string[] } {
  const given = expected.targets.reduce((n, t) => n + t.emails.length, 0);
  if (!appeal) return { given, attached: 0, wrong: [] };
  const used = matchTargets(expected, appeal.targets.map((t) => t.name));
  let attached = 0;
  const wrong: string[] = [];
  appeal.targets.forEach((t, i) => {
    const w = [...used.entries()].find(([, at]) => at === i)?.[0];
    const own = new Set((w === undefined ? [] : (expected.targets[w]?.emails ?? [])).map(fold));
    for (const email of t.emails) {
      if (own.has(fold(email))) attached++;
      else wrong.push(`${email} on ${t.name}${t.copy ? ' (copy)' : ''}`);
    }
  });
  return { given, attached, wrong };
}

export type Tally = { fields: number; right: number };

export type CorpusReport = Tally & {
  texts: number;
  refused: string[];
  wrong: { name: string; check: FieldCheck }[];
  addresses: { given: number; attached: number; wrong: string[] };
  byLanguage: Record<string, Tally>;
  byLayout: Record<string, Tally>;
};

/** Imports one text as the corpus tests do. */
export function importForScore(text: string): Imported {
  const result = importUrgentAction(text);
  if (!result.ok) return { refused: `${result.reason}: ${result.message}` };
  const kind = (result as { kind?: string }).kind;
  return kind === undefined ? { appeal: result.appeal } : { appeal: result.appeal, kind };
}

/** Imports every text of a corpus and scores the expected fields, in total, per language and per layout. */
export function scoreCorpus(dir: URL = CORPUS): CorpusReport {
  const report: CorpusReport = { texts: 0, refused: [], fields: 0, right: 0, wrong: [], addresses: { given: 0, attached: 0, wrong: [] }, byLanguage: {}, byLayout: {} };
  for (const { name, text, expected } of corpusTexts(dir)) {
    report.texts++;
    const result = importForScore(text);
    if ('refused' in result && expected.kind !== 'not-an-appeal') report.refused.push(`${name}: ${result.refused}`);
    const language = (report.byLanguage[expected.language] ??= { fields: 0, right: 0 });
    const layout = (report.byLayout[expected.layout ?? 'issue-15'] ??= { fields: 0, right: 0 });
    for (const c of scoreText(expected, result)) {
      for (const t of [report, language, layout]) {
        t.fields++;
        if (c.right) t.right++;
      }
      if (!c.right) report.wrong.push({ name, check: c });
    }
    const a = scoreAddresses(expected, 'appeal' in result ? result.appeal : undefined);
    report.addresses.given += a.given;
    report.addresses.attached += a.attached;
    report.addresses.wrong.push(...a.wrong.map((w) => `${name}: ${w}`));
  }
  return report;
}

const pct = (t: Tally): string => `${t.right}/${t.fields} = ${((t.right / Math.max(1, t.fields)) * 100).toFixed(1)}%`;

/** The report as lines for a log: total, per language, per layout, addresses. */
export function describeReport(report: CorpusReport): string[] {
  return [
    `${report.texts} texts, ${report.refused.length} refused; fields ${pct(report)}`,
    `addresses attached ${report.addresses.attached}/${report.addresses.given}; attached to the wrong official: ${report.addresses.wrong.length}`,
    ...Object.entries(report.byLanguage).map(([k, t]) => `  language ${k}: ${pct(t)}`),
    ...Object.entries(report.byLayout).map(([k, t]) => `  layout ${k}: ${pct(t)}`),
  ];
}

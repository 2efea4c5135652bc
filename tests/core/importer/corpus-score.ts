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
/** A third held-out set, gathered after the importer was changed for `CORPUS_4`, labelled before it was run on them. */
export const CORPUS_5 = new URL('../../fixtures/ua/corpus-5/', import.meta.url);
/** A fourth set, gathered after every change for `CORPUS_5`, labelled before the importer was run on them. */
export const CORPUS_6 = new URL('../../fixtures/ua/corpus-6/', import.meta.url);
/** A fifth set, gathered after every change for `CORPUS_6` by a session that had not changed the importer, labelled before it ran. */
export const CORPUS_7 = new URL('../../fixtures/ua/corpus-7/', import.meta.url);
/** A sixth set, gathered after the changes for `CORPUS_7`, labelled and scored before the importer was changed for it. */
export const CORPUS_8 = new URL('../../fixtures/ua/corpus-8/', import.meta.url);
/** A seventh set, gathered with corpus-8's misses unfixed, labelled before the importer ran on it. */
export const CORPUS_9 = new URL('../../fixtures/ua/corpus-9/', import.meta.url);
/** An eighth set (even or unknown years; corpus-11 holds the odd ones), labelled before the importer ran on it. */
export const CORPUS_10 = new URL('../../fixtures/ua/corpus-10/', import.meta.url);
export const CORPUS_11 = new URL('../../fixtures/ua/corpus-11/', import.meta.url);
export const CORPUS_12 = new URL('../../fixtures/ua/corpus-12/', import.meta.url);
export const CORPUS_13 = new URL('../../fixtures/ua/corpus-13/', import.meta.url);
export const CORPUS_14 = new URL('../../fixtures/ua/corpus-14/', import.meta.url);
/** A thirteenth set (Italian, Swedish, Norwegian and Japanese texts among them), labelled before the importer ran on it. */
export const CORPUS_15 = new URL('../../fixtures/ua/corpus-15/', import.meta.url);
/** A fourteenth set (Amnesty UA sheets, updates, Italian, Finnish and Japanese pages), labelled before the importer ran on it. */
export const CORPUS_16 = new URL('../../fixtures/ua/corpus-16/', import.meta.url);
/** A fifteenth set (Amnesty USA and UK pages and updates among them), labelled before the importer ran on it. */
export const CORPUS_17 = new URL('../../fixtures/ua/corpus-17/', import.meta.url);
/** A sixteenth set (section pages in six languages, other organisations' appeals), labelled before the importer ran on it. */
export const CORPUS_18 = new URL('../../fixtures/ua/corpus-18/', import.meta.url);
/** A seventeenth set (good news, Polish, Dutch and Norwegian pages among them), measured once at the end of a session. */
export const CORPUS_19 = new URL('../../fixtures/ua/corpus-19/', import.meta.url);
export const CORPUS_20 = new URL('../../fixtures/ua/corpus-20/', import.meta.url);
export const CORPUS_21 = new URL('../../fixtures/ua/corpus-21/', import.meta.url);
export const CORPUS_22 = new URL('../../fixtures/ua/corpus-22/', import.meta.url);
export const CORPUS_23 = new URL('../../fixtures/ua/corpus-23/', import.meta.url);
export const CORPUS_24 = new URL('../../fixtures/ua/corpus-24/', import.meta.url);
export const CORPUS_25 = new URL('../../fixtures/ua/corpus-25/', import.meta.url);
export const CORPUS_26 = new URL('../../fixtures/ua/corpus-26/', import.meta.url);
export const CORPUS_27 = new URL('../../fixtures/ua/corpus-27/', import.meta.url);
export const CORPUS_28 = new URL('../../fixtures/ua/corpus-28/', import.meta.url);
export const CORPUS_29 = new URL('../../fixtures/ua/corpus-29/', import.meta.url);
export const CORPUS_30 = new URL('../../fixtures/ua/corpus-30/', import.meta.url);
export const CORPUS_31 = new URL('../../fixtures/ua/corpus-31/', import.meta.url);
export const CORPUS_32 = new URL('../../fixtures/ua/corpus-32/', import.meta.url);
export const CORPUS_33 = new URL('../../fixtures/ua/corpus-33/', import.meta.url);
export const CORPUS_34 = new URL('../../fixtures/ua/corpus-34/', import.meta.url);
/** Amnesty's own English UA texts (USA, UK, Canada pages, amnesty.org sheets, updates), gathered for issue 27's "kinds above". */
export const CORPUS_35 = new URL('../../fixtures/ua/corpus-35/', import.meta.url);
/** Amnesty UA texts in German, Spanish, French, Italian, Polish and Portuguese (sections' and groups' pages). */
export const CORPUS_36 = new URL('../../fixtures/ua/corpus-36/', import.meta.url);
/** Amnesty's own English UA texts not in earlier sets (USA, Canada, Switzerland, amnesty.org sheets), gathered after the fixes for 35 and 36. */
export const CORPUS_37 = new URL('../../fixtures/ua/corpus-37/', import.meta.url);
/** Amnesty UA texts in Spanish, Portuguese, French, Italian and Russian, gathered after the fixes for 35 and 36. */
export const CORPUS_38 = new URL('../../fixtures/ua/corpus-38/', import.meta.url);

/** The hand-written expected fields of one corpus text (see the README beside each corpus). */
const expectedSchema = z.object({
  source: z.string(),
  published: z.string(),
  language: z.enum(['en', 'es', 'fr', 'de', 'pt', 'nl', 'pl', 'it', 'fi', 'sv', 'da', 'no', 'ja', 'ru']),
  /** A rough name for the page's layout, for the per-layout score (issue 27's labels only). */
  layout: z.string().optional(),
  /** What the text is; labelled on issue 27's texts only. `not-an-appeal` must be refused. */
  kind: z.enum(['appeal', 'update', 'closure', 'good-news', 'not-an-appeal']).optional(),
  number: z.string().nullable(),
  deadline: z.string().nullable(),
  /** `address`: the official's postal lines as the text gives them (labelled from corpus-4 on; absent = not labelled). */
  targets: z.array(z.object({ name: z.string(), emails: z.array(z.string()), address: z.array(z.string()).optional() })),
  salutation: z.string().nullable(),
  /** The card to the person at risk the text asks for ("Send her your messages of solidarity: ..."), where it asks. */
  solidarity: z.object({ to: z.string(), address: z.array(z.string()).default([]) }).optional(),
  /** Contacts the text gives for others than the officials (copy recipients, the organisers): never an official's. */
  others: z.array(z.object({ name: z.string(), emails: z.array(z.string()).default([]), address: z.array(z.string()).default([]) })).default([]),
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

/* A curly apostrophe or quote is the same letter to a reader as a straight one ("l’Intérieur", "l'Intérieur"). */
const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
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
  // The solidarity part: read where the text asks for one, never invented where it does not.
  const card = appeal?.solidarity;
  if (expected.solidarity) {
    const want = expected.solidarity;
    const right = card !== undefined && fold(card.to).includes(fold(want.to)) && want.address.every((l) => card.address.some((g) => fold(g).includes(fold(l))));
    check('solidarity', [want.to, ...want.address].join(', '), card ? [card.to, ...card.address].join(', ') : '-', right);
  } else if (card) {
    check('solidarity', '-', [card.to, ...card.address].join(', '), false);
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

/** The postal lines of a produced official: its title, organisation and address (never its name). */
const postalOf = (t: Appeal['targets'][number]): string[] => [t.title ?? '', t.organisation ?? '', ...t.address].filter((l) => l !== '').map(lineFold);
/* A postal line as compared: the comma that ends a line of a written address block is layout, and the importer drops it. */
const lineFold = (s: string): string => fold(s).replace(/[\s,;]+$/, '');
/*
 * An address as one run: "Jalan Example, 50502 Kuala Lumpur, Malaysia" written on one line and read as three lines is
 * the same address. Commas, semicolons and line breaks are layout; the words and their order are the address.
 */
const runFold = (lines: readonly string[]): string => lines.map((l) => fold(l).replace(/[,;]/g, ' ')).join(' ').replace(/\s+/g, ' ').trim();

/** What the addresses rule counts: emails and postal addresses given and attached, and every misattachment. */
export type AddressTally = { emails: { given: number; attached: number }; postal: { given: number; attached: number }; wrong: string[] };

/**
 * The addresses rule of issue 27. Given: each email the text gives for an official, and each postal address
 * labelled for one (attached when every one of its lines is in the official's title, organisation or address).
 * Wrong, the worst error, counted apart: an email or a postal line attached to an official (not marked a copy)
 * that the text gives for another official or for someone else (a copy recipient, the organisers), or an
 * email attached to an official the text does not give it for at all.
 */
export function scoreAddresses(expected: Expected, appeal: Appeal | undefined): AddressTally {
  const emails = { given: expected.targets.reduce((n, t) => n + t.emails.length, 0), attached: 0 };
  const postal = { given: expected.targets.filter((t) => (t.address ?? []).length > 0).length, attached: 0 };
  const wrong: string[] = [];
  if (!appeal) return { emails, postal, wrong };
  const used = matchTargets(expected, appeal.targets.map((t) => t.name));
  const owners = [...expected.targets.map((t) => ({ ...t, address: t.address ?? [] })), ...expected.others];
  appeal.targets.forEach((t, i) => {
    const w = [...used.entries()].find(([, at]) => at === i)?.[0];
    const mine = w === undefined ? undefined : expected.targets[w];
    const ownEmails = new Set((mine?.emails ?? []).map(fold));
    const ownLines = new Set((mine?.address ?? []).map(lineFold));
    const lines = postalOf(t);
    const run = runFold(lines);
    const given = mine?.address ?? [];
    if (given.length > 0 && (given.every((l) => lines.some((g) => g.includes(lineFold(l)))) || run.includes(runFold(given)))) postal.attached++;
    for (const email of t.emails) {
      if (ownEmails.has(fold(email))) emails.attached++;
      else if (!t.copy || expected.targets.some((o) => o.emails.map(fold).includes(fold(email)))) wrong.push(`${email} on ${t.name}${t.copy ? ' (copy)' : ''}`);
    }
    if (t.copy) return;
    // A postal line of someone else's address (long enough to be distinctive, and not also this official's).
    for (const other of owners) {
      if (other === mine || (mine && other.name === mine.name)) continue;
      const theirs = other.address.filter((line) => {
        const l = lineFold(line);
        return l.length >= 6 && !ownLines.has(l) && (lines.some((g) => g.includes(l)) || (w === undefined && fold(t.name).includes(l)));
      });
      // Their whole address as one run, split into other lines here ("Street, Town, Country" read as three lines).
      const theirRun = runFold(other.address);
      const splitRun = theirs.length === 0 && theirRun.length >= 12 && run.includes(theirRun) && !runFold(given).includes(theirRun);
      if (theirs.length > 0 || splitRun) wrong.push(`${other.name}'s address ("${(theirs.length > 0 ? theirs : other.address).join(' / ')}") on ${t.name}`);
    }
  });
  return { emails, postal, wrong };
}

export type Tally = { fields: number; right: number };

/** Addresses given and attached, emails and postal together, for the per-layout and per-language lines. */
type Attach = { given: number; attached: number; wrong: number };

export type CorpusReport = Tally & {
  texts: number;
  refused: string[];
  wrong: { name: string; check: FieldCheck }[];
  addresses: AddressTally;
  byLanguage: Record<string, Tally & { addresses: Attach }>;
  byLayout: Record<string, Tally & { addresses: Attach }>;
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
  const report: CorpusReport = { texts: 0, refused: [], fields: 0, right: 0, wrong: [], addresses: { emails: { given: 0, attached: 0 }, postal: { given: 0, attached: 0 }, wrong: [] }, byLanguage: {}, byLayout: {} };
  for (const { name, text, expected } of corpusTexts(dir)) {
    report.texts++;
    const result = importForScore(text);
    if ('refused' in result && expected.kind !== 'not-an-appeal') report.refused.push(`${name}: ${result.refused}`);
    const fresh = (): Tally & { addresses: Attach } => ({ fields: 0, right: 0, addresses: { given: 0, attached: 0, wrong: 0 } });
    const language = (report.byLanguage[expected.language] ??= fresh());
    const layout = (report.byLayout[expected.layout ?? 'issue-15'] ??= fresh());
    for (const c of scoreText(expected, result)) {
      for (const t of [report, language, layout]) {
        t.fields++;
        if (c.right) t.right++;
      }
      if (!c.right) report.wrong.push({ name, check: c });
    }
    const a = scoreAddresses(expected, 'appeal' in result ? result.appeal : undefined);
    for (const kind of ['emails', 'postal'] as const) {
      report.addresses[kind].given += a[kind].given;
      report.addresses[kind].attached += a[kind].attached;
    }
    report.addresses.wrong.push(...a.wrong.map((w) => `${name}: ${w}`));
    for (const t of [language, layout]) {
      t.addresses.given += a.emails.given + a.postal.given;
      t.addresses.attached += a.emails.attached + a.postal.attached;
      t.addresses.wrong += a.wrong.length;
    }
  }
  return report;
}

const pct = (t: Tally): string => `${t.right}/${t.fields} = ${((t.right / Math.max(1, t.fields)) * 100).toFixed(1)}%`;
const part = (a: Attach): string => (a.given + a.wrong === 0 ? '' : `; addresses ${a.attached}/${a.given}${a.wrong > 0 ? `, ${a.wrong} MISATTACHED` : ''}`);

/** Share of the given addresses (emails and postal) attached to their officials; 1 when the texts give none. */
export function attachedShare(report: CorpusReport): number {
  const given = report.addresses.emails.given + report.addresses.postal.given;
  return given === 0 ? 1 : (report.addresses.emails.attached + report.addresses.postal.attached) / given;
}

/** The report as lines for a log: total, per language, per layout, addresses. */
export function describeReport(report: CorpusReport): string[] {
  return [
    `${report.texts} texts, ${report.refused.length} refused; fields ${pct(report)}`,
    `addresses attached: emails ${report.addresses.emails.attached}/${report.addresses.emails.given}, postal ${report.addresses.postal.attached}/${report.addresses.postal.given}; attached to the wrong official: ${report.addresses.wrong.length}`,
    ...Object.entries(report.byLanguage).map(([k, t]) => `  language ${k}: ${pct(t)}${part(t.addresses)}`),
    ...Object.entries(report.byLayout).map(([k, t]) => `  layout ${k}: ${pct(t)}${part(t.addresses)}`),
  ];
}

// Officials an Italian campaign names in prose, office before name ("nei confronti del presidente del Consiglio Jane
// Example, della ministra degli Interni Ann Other e del ministro degli Esteri Aron Example"), where the page asks to
// send its text to a run of e-mails ("a inviarlo a questi recapiti: a@b.it, c@d.it e e@f.it"). Which e-mail is whose
// the sentence does not say: an e-mail goes to an official only when its own address spells that official's surname
// ("example_aron@camera.it"), and is left off (for the moderator) otherwise.
import { findEmails } from './contacts.js';
import { ORGANISATION, ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

/* "del presidente del Consiglio Jane Example", "della ministra dell'Interno Ann Other", "al sindaco Aron Di Example". */
const OFFICIAL = /(?<![\p{L}])(?:del|della|dello|al|alla|allo|il|la|lo)\s+(\p{Ll}+(?:(?:\s+(?:del|della|dello|degli|dei|delle|di)\s+|\s+dell['’])\p{Lu}\p{Ll}+)?)\s+(\p{Lu}\p{Ll}+(?:\s+(?:(?:Di|De|Da|Del|Della|Dal|Lo|La)\s+)?\p{Lu}\p{Ll}+){1,2})(?![\p{L}])/gu;
/* "a inviarlo a questi recapiti: a@b.it, c@d.it e e@f.it": the e-mails the text is to be sent to. */
const SEND_TO_EMAILS = /\b(?:scrivere|inviar(?:e|lo|la|li|le)|mandar(?:e|lo|la|li|le)|spedir(?:e|lo|la|li|le))\s+(?:a|al|alla|ai|agli|alle)\s+(?:(?:questi|questo|questa|queste|seguenti|seguente)\s+)?(?:(?:recapiti|recapito|indirizzi|indirizzo|e-?mail|mail)\s*:?\s*)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*(?:,|;|\be\b|\bo\b)\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*)/iu;

/** The first run of e-mails a line asks to send the text to (a line without "@" holds none: most are passed at once). */
function sendToRun(sections: Section[], withHeadings: boolean): string | undefined {
  const runOf = (line: string): string | undefined => (line.length <= 5000 && line.includes('@') ? SEND_TO_EMAILS.exec(line)?.[1] : undefined);
  for (const section of sections) {
    if (section.kind === 'background') continue;
    const inHeading = withHeadings ? runOf(section.heading) : undefined;
    if (inHeading !== undefined) return inHeading;
    for (const line of section.lines) {
      const run = runOf(line);
      if (run !== undefined) return run;
    }
  }
  return undefined;
}

const letters = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

/** The officials named in prose, each with the e-mails of the run whose local part spells their surname. */
export function namedInProseLines(sections: Section[]): TargetLine[] {
  const run = sendToRun(sections, false);
  if (!run) return [];
  const lines = sections.filter((s) => s.kind !== 'background').flatMap((s) => s.lines).filter((l) => l.length <= 5000);
  const emails = findEmails(run);
  const officials = new Map<string, string>();
  for (const line of lines) {
    for (const [, office, name] of line.matchAll(OFFICIAL)) {
      if (!office || !name || !ROLE.test(office.split(/\s/)[0]!) || officials.size >= 6) continue;
      officials.set(name, `${office[0]!.toUpperCase()}${office.slice(1)}`);
    }
  }
  if (officials.size === 0) return [];
  const surnames = [...officials.keys()].map((name) => letters(name.split(/\s+/).slice(1).join(' ')));
  const out: TargetLine[] = [];
  [...officials].forEach(([name, title], i) => {
    const own = emails.filter((email) => {
      const local = letters(email.split('@')[0] ?? '');
      const owners = surnames.filter((s) => s.length >= 4 && local.includes(s));
      return owners.length === 1 && owners[0] === surnames[i];
    });
    out.push({ text: name, copy: false }, { text: title, copy: false }, ...own.map((e) => ({ text: `Email: ${e}`, copy: false })), { text: '', copy: false });
  });
  return out;
}

/*
 * "inondiamo di e-mail il ministero dell'Interno", "scrivete alla prefettura di Example": the one institution an Italian
 * request floods with (or sends) e-mails, its name from its ORGANISATION word on.
 */
const TO_INSTITUTION = /(?<![\p{L}])(?:[Ii]nond(?:iamo|ate|are)\s+di\s+e[-.]?mail|[Ss]ommerg(?:iamo|ete|ere)\s+di\s+e[-.]?mail|[Ss]criv(?:iamo|ete|i)\s+(?=al|all))\s*(?:(?:il sito|la casella)\s+(?:del|della|dello|dell['’])\s*|il\s+|la\s+|lo\s+|l['’]|al\s+|alla\s+|allo\s+|all['’])?(\p{L}+(?:(?:\s+(?:del|della|dello|degli|dei|delle|di)\s+|\s+dell['’])\p{Lu}\p{L}+)?)/u;

/**
 * The institution an Italian request sends e-mails to, with the e-mails of the "Scrivere a ..." instruction whose domain
 * is that institution's own ("ufficio@ministero.example.it" for the ministero): a domain that is not leaves it off.
 */
export function floodedInstitutionLines(sections: Section[]): TargetLine[] {
  const run = sendToRun(sections, true);
  if (!run) return [];
  const lines = sections.filter((s) => s.kind !== 'background').flatMap((s) => [s.heading, ...s.lines]).filter((l) => l.length <= 5000);
  const names = new Set(lines.map((l) => TO_INSTITUTION.exec(l)?.[1]).filter((n): n is string => n !== undefined && ORGANISATION.test(n.split(/\s/)[0]!)).map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}`));
  if (names.size !== 1) return [];
  const [name] = [...names] as [string];
  const word = letters(name.split(/\s/)[0]!);
  const own = findEmails(run).filter((email) => (email.split('@')[1] ?? '').toLowerCase().split('.').includes(word));
  return [{ text: name, copy: false }, ...own.map((e) => ({ text: `Email: ${e}`, copy: false })), { text: '', copy: false }];
}

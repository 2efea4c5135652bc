// Officials a text lists with their e-mails on one line: "- al Presidente del Consiglio dei Ministri: a@b.it, c@d.it"
// (with "per conoscenza" for copies), or in a sentence, "scrivere al Prefetto di Milano, Dottor Mario Esempio (a@b.it)".
import { ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './targets.js';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/* "per conoscenza", "in copia", "cc", "copy to", "copie à", "copia a": the item is a copy. */
const COPY_WORDS = /^(?:per conoscenza|in copia|cc|copy|copies|copie|copia|en copie)\b/i;
/* "- al Presidente ...: a@b.it, c@d.it": a bullet, maybe a copy word, "to" in the page's language, whom, a colon, e-mails. */
const BULLETED = /^(?:[-•*–]\s*)?((?:per conoscenza|in copia|cc|copy|copies|copie|copia|en copie)\s*:?\s*)?(?:(?:alla|allo|alle|agli|ai|al|a|to(?: the)?|an(?: den| die)?|aux|au|à la|à)\s+|all['’])([^:@]{3,80}):\s*([^:]*@[^:]*)$/i;
/* "al Prefetto di Milano, Dottor Mario Esempio (a@b.it)": "to", an office, a form of address maybe, a name, its e-mail. */
const IN_PROSE = /\b(?:al|alla|allo|ai|to(?: the)?|au|à)\s+([\p{L}][^,()@.;:]{2,60}?),?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*\(?\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*\)?/gu;

/** Each bulleted "to whom: e-mails" line as one official's block; undefined-free, empty when no such line is primary. */
export function bulletedRecipientLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (!line.includes('@') || line.length > 600) continue;
      const match = BULLETED.exec(line);
      if (!match?.[2] || !match[3]) continue;
      const copy = match[1] !== undefined && COPY_WORDS.test(match[1]);
      const name = match[2].trim();
      lines.push({ text: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`, copy });
      for (const email of match[3].match(EMAIL) ?? []) lines.push({ text: `Email: ${email}`, copy });
      lines.push({ text: '', copy });
    }
  }
  return lines.some((l) => !l.copy && l.text !== '') ? lines : [];
}

/** Each official a sentence asks to write to by office and name, with the e-mail right after the name. */
export function proseRecipientLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (!line.includes('@')) continue;
      for (const match of line.slice(0, 5000).matchAll(IN_PROSE)) {
        const office = match[1]?.trim() ?? '';
        if (!match[2] || !match[3] || !ROLE.test(office)) continue;
        // "Dottor Mario Esempio": the form of address is no part of the name.
        const name = match[2].replace(/^(?:Dottor(?:essa)?|Dott\.(?:ssa)?|Dr\.?|Signor(?:a)?|Sig\.(?:ra)?|On\.|Avv\.|Prof\.?|Mr\.?|Mrs\.?|Ms\.?)\s+/, '');
        lines.push({ text: name, copy: false }, { text: `${office[0]?.toUpperCase() ?? ''}${office.slice(1)}`, copy: false }, { text: `Email: ${match[3]}`, copy: false }, { text: '', copy: false });
      }
    }
  }
  return lines;
}

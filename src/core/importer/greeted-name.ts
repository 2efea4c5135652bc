// The official a letter's greeting names in full after their office ("Arvoisa tasavallan presidentti Tarja Halonen,",
// "Dear Minister of Justice Jane Example:") or before it ("Dear Mr. Jane Example, Ambassador to ..."), for a letter whose
// text gives no block for them.
import { ROLE } from './offices.js';
import type { TargetLine } from './targets.js';

/* A capitalised word of a name: "Tarja", "Halonen", "O'Neill", "Jean-Marc". */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]+$/u;

/*
 * An ambassador, greeted by title and name: the embassy's own letter is written to them. A president or governor greeted
 * so is as often one a quoted or already-sent letter speaks to, and stays unread here.
 */
const SOLE_OFFICE = /^(?:ambassador|ambassadeur|ambassadrice|embajador|embajadora|embaixador|embaixadora|botschafter(?:in)?)$/i;

/* "Dear Mr. Jane Example, Ambassador to the United States": a form of address, the person's full name, a comma, their office. */
const NAME_COMMA_OFFICE = /^\p{L}+\s+(?:mr|mrs|ms|dr|se[ñn]or|se[ñn]ora|sr|sra|monsieur|madame|herr|frau)\.?\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+),\s+([^,]{3,80})$/iu;

/* "Dear Ministers Example and Sample", "Dear Governors Example, Sample and Other": an office in the plural, then two to four surnames. */
const PLURAL_OFFICE_NAMES = /^\p{L}+\s+(\p{Lu}\p{Ll}+s)\s+((?:\p{Lu}[\p{L}'’-]+,?\s+){1,3})(?:and|&|y|et|und|e|en)\s+(\p{Lu}[\p{L}'’-]+)$/u;
/* Words that greet a group, never a person: "Dear Ministers Members and Friends". */
const GROUP_WORD = /^(?:members?|friends?|colleagues?|sirs?|madams?|ladies|gentlemen|all|others?|staff|officials?|deputies|honou?rable)$/i;

/**
 * "Dear Ministers Example and Sample,": a letter to two or more officials of one office, each named by surname. Each is
 * an official (the text names them in its letter), with the office in the singular as their title; no address is read.
 */
function greetedOfficesByName(salutation: string): TargetLine[] {
  const match = PLURAL_OFFICE_NAMES.exec(salutation);
  if (!match?.[1] || !match[2] || !match[3]) return [];
  const office = match[1].slice(0, -1);
  if (!ROLE.test(office)) return [];
  const names = [...match[2].split(/[,\s]+/).filter((n) => n !== ''), match[3]];
  if (names.some((n) => GROUP_WORD.test(n) || ROLE.test(n))) return [];
  return names.flatMap((name) => [{ text: name, copy: false }, { text: office, copy: false }, { text: '', copy: false }]);
}

/**
 * The greeting's first word, then words naming an office in lower case (one of them an office word), then two or three
 * capitalised words: those words are the official's name and the office before them their title. Only where the office is
 * written in lower case, as Finnish, Italian or Spanish write it, do the capitals mark where the name starts ("Dear Chief
 * Justice Nandrajog" does not say it). A greeting of an office alone ("Dear Prime Minister,") names no one here.
 */
export function greetedByName(salutation: string | undefined): TargetLine[] {
  if (!salutation || salutation.length > 120) return [];
  const several = greetedOfficesByName(salutation.trim().replace(/[,:;!.]+$/, ''));
  if (several.length > 0) return several;
  const formal = NAME_COMMA_OFFICE.exec(salutation.trim().replace(/[,:;!.]+$/, ''));
  if (formal?.[1] && formal[2] && ROLE.test(formal[2])) return [{ text: formal[1], copy: false }, { text: formal[2], copy: false }];
  const words = salutation.trim().replace(/[,:;!.]+$/, '').split(/\s+/).slice(1);
  let start = words.length;
  while (start > 0 && NAME_WORD.test(words[start - 1] ?? '') && !ROLE.test(words[start - 1] ?? '')) start--;
  const name = words.slice(start);
  const office = words.slice(0, start);
  if (name.length < 2 || name.length > 3 || office.length === 0 || office.length > 5 || !office.some((w) => ROLE.test(w))) return [];
  // "Dear Ambassador Yang Jiechi:": one office word that is a person's whole title marks where the name starts however
  // it is written; "Dear Chief Justice Example" (an office of two words) still says nothing.
  if (!/^\p{Ll}/u.test(office[office.length - 1] ?? '') && !(office.length === 1 && SOLE_OFFICE.test(office[0] ?? ''))) return [];
  const title = office.join(' ');
  return [
    { text: name.join(' '), copy: false },
    { text: `${title[0]?.toUpperCase() ?? ''}${title.slice(1)}`, copy: false },
  ];
}

import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../../src/core/appeal.js';
import { attachedShare, CORPUS, CORPUS_2, CORPUS_3, CORPUS_4, CORPUS_5, CORPUS_6, CORPUS_7, CORPUS_8, CORPUS_9, CORPUS_10, CORPUS_11, CORPUS_12, CORPUS_13, CORPUS_14, CORPUS_15, CORPUS_16, CORPUS_17, CORPUS_18, CORPUS_19, CORPUS_20, CORPUS_21, CORPUS_22, CORPUS_23, CORPUS_24, CORPUS_25, CORPUS_26, CORPUS_27, CORPUS_28, CORPUS_29, CORPUS_30, CORPUS_31, CORPUS_32, CORPUS_33, CORPUS_34, CORPUS_35, CORPUS_36, CORPUS_37, CORPUS_38, corpusTexts, describeReport, scoreAddresses, scoreCorpus, scoreText, type CorpusReport, type Expected } from './corpus-score.js';

/** The bar issue 15 set: at least this share of the hand-labelled fields right over the real corpus. */
const BAR = 0.9;
/** What the first corpus scored when issue 27 began (135 of 137): it must not fall back. */
const FIRST_CORPUS_BAR = 0.98;

const misses = (report: CorpusReport): string =>
  report.wrong.map(({ name, check }) => `${name}: ${check.field} expected "${check.expected}", got "${check.got}"`).join('\n');

describe('the real Urgent Action corpus', () => {
  const report = scoreCorpus(CORPUS);

  it('holds at least 25 labelled texts', () => {
    expect(corpusTexts(CORPUS).length).toBeGreaterThanOrEqual(25);
  });

  it('imports every text, as a draft at least', () => {
    expect(report.refused).toEqual([]);
  });

  it(`gets at least ${FIRST_CORPUS_BAR * 100}% of the expected fields right, no fewer than before issue 27`, () => {
    console.info(`corpus: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(Math.max(BAR, FIRST_CORPUS_BAR));
  });
});

describe('the second corpus: texts of issue 27, labelled before the importer saw them', () => {
  const report = scoreCorpus(CORPUS_2);

  it('holds at least 25 real texts and two that are no appeal', () => {
    const texts = corpusTexts(CORPUS_2);
    expect(texts.filter((t) => t.expected.kind !== 'not-an-appeal').length).toBeGreaterThanOrEqual(25);
    expect(texts.filter((t) => t.expected.kind === 'not-an-appeal').length).toBeGreaterThanOrEqual(2);
  });

  it('imports every appeal, update and good news, as a draft at least, and refuses what is no appeal', () => {
    expect(report.refused).toEqual([]);
    expect(report.wrong.filter((w) => w.check.field === 'refused')).toEqual([]);
  });

  it(`gets at least ${BAR * 100}% of the expected fields right`, () => {
    console.info(`corpus-2: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
  });

  it('attaches at least 90% of the addresses the texts give, and none to an official it does not belong to', () => {
    for (const r of [report, scoreCorpus(CORPUS), scoreCorpus(CORPUS_3)]) {
      expect(r.addresses.wrong).toEqual([]);
      expect(attachedShare(r)).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('the held-out texts of issue 27', () => {
  const report = scoreCorpus(CORPUS_3);

  it(`imports every one and gets at least ${BAR * 100}% of the expected fields right`, () => {
    console.info(`corpus-3: ${describeReport(report).join('\n')}`);
    expect(report.refused).toEqual([]);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
  });
});

describe('the second held-out set of issue 27 (corpus-4), gathered and labelled by a session that never changed the importer', () => {
  const report = scoreCorpus(CORPUS_4);

  it('imports every appeal, refuses the two guides, and gets at least 90% of the fields right', () => {
    console.info(`corpus-4: ${describeReport(report).join('\n')}`);
    expect(report.refused).toEqual([]);
    expect(report.wrong.filter((w) => w.check.field === 'refused')).toEqual([]);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
  });

  it('attaches at least 90% of the emails and postal addresses to their officials, and none to another', () => {
    expect(report.addresses.wrong).toEqual([]);
    expect(report.addresses.postal.given).toBeGreaterThanOrEqual(8);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('corpus-5: a third set, held out until it was scored (77.8% of fields, postal 5/7, 2 misattached), then fixed', () => {
  const report = scoreCorpus(CORPUS_5);

  it('holds at least 10 real texts and imports every appeal and update', () => {
    expect(corpusTexts(CORPUS_5).filter((t) => t.expected.kind !== 'not-an-appeal').length).toBeGreaterThanOrEqual(10);
    expect(report.refused).toEqual([]);
  });

  it('gets at least 90% of the fields right, attaches 90% of the addresses and none to another official', () => {
    console.info(`corpus-5: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('corpus-6: a fourth set, scored before any change (40% of fields, 1 misattached), then fixed', () => {
  const report = scoreCorpus(CORPUS_6);

  it('imports every appeal, attaches every address to its official and none to another', () => {
    console.info(`corpus-6: ${describeReport(report).join('\n')}`);
    expect(report.refused).toEqual([]);
    expect(report.addresses.wrong).toEqual([]);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
  });
});

describe('corpus-7: a fifth set, held out until scored (41.6% of fields, 7 appeals refused, postal 3/12, 5 misattached), then fixed', () => {
  const report = scoreCorpus(CORPUS_7);

  it('holds at least 15 real texts, imports every appeal and refuses the texts that are none', () => {
    expect(corpusTexts(CORPUS_7).length).toBeGreaterThanOrEqual(15);
    expect(report.refused).toEqual([]);
    expect(report.wrong.filter((w) => w.check.field === 'refused')).toEqual([]);
  });

  it('gets at least 90% of the fields right, attaches 90% of the addresses and none to another official', () => {
    console.info(`corpus-7: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(report.addresses.postal.given).toBeGreaterThanOrEqual(10);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('corpus-8: a sixth set, held out until scored (62.1% of fields, 2 appeals refused, 2 non-appeals imported), then fixed', () => {
  const report = scoreCorpus(CORPUS_8);

  it('imports every appeal, refuses every text that is none, and gets at least 90% of the fields right', () => {
    console.info(`corpus-8: ${describeReport(report).join('\n')}`);
    expect(report.refused).toEqual([]);
    expect(report.wrong.filter((w) => w.check.field === 'refused')).toEqual([]);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('corpus-9: a seventh set, held out until scored (36.7% of fields, 6 of 9 appeals refused, 2 misattached), then fixed', () => {
  const report = scoreCorpus(CORPUS_9);

  it('holds at least 15 real texts and imports every appeal', () => {
    expect(corpusTexts(CORPUS_9).length).toBeGreaterThanOrEqual(15);
    expect(report.refused).toEqual([]);
  });

  it('gets at least 90% of the fields right, attaches 90% of the addresses and none to another official', () => {
    console.info(`corpus-9: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });

  it('still imports three texts that are no appeal: two open letters and an explainer (known, not yet refused)', () => {
    // Written down so that a change which refuses them (or imports more) is seen: this is the gap to the bar.
    expect(report.wrong.filter((w) => w.check.field === 'refused').map((w) => w.name)).toEqual([
      'en-2008-singapore-yoursdp-letter-to-minister-not-an-appeal.txt',
      'es-2013-ecuador-elcomercio-carta-senor-presidente-not-an-appeal.txt',
      'es-derechosoc-accion-urgente-explainer-not-an-appeal.txt',
    ]);
  });
});

describe('corpus-10: an eighth set (even or unknown years), held out until scored (60.9% of fields, 4 appeals refused, 8 non-appeals imported, postal 0/4), then fixed', () => {
  const report = scoreCorpus(CORPUS_10);

  it('holds at least 25 real texts and imports every appeal, update and good-news text', () => {
    expect(corpusTexts(CORPUS_10).length).toBeGreaterThanOrEqual(25);
    expect(report.refused).toEqual([]);
  });

  it('gets at least 90% of the fields right, attaches 90% of the addresses and none to another official', () => {
    console.info(`corpus-10: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(report.addresses.postal.given).toBeGreaterThanOrEqual(4);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });

  it('still imports one text that is no appeal: an open letter (known, not yet refused)', () => {
    // Written down so that a change which refuses it (or imports more) is seen: this is the gap to the bar. fixothers
    // refused a blog's letter "sent to politicians" and an association's letter written "on behalf of" its committee.
    expect(report.wrong.filter((w) => w.check.field === 'refused').map((w) => w.name)).toEqual([
      'es-2014-colombia-prensabolivariana-carta-presos-politicos-not-an-appeal.txt',
    ]);
  });
});

describe('corpus-11: a ninth set (odd years), held out until scored (50.0% of fields, 9 addresses misattached, 6 appeals refused, 7 non-appeals imported), then fixed', () => {
  const report = scoreCorpus(CORPUS_11);

  it('holds at least 25 real texts and imports every appeal, update and good-news text', () => {
    expect(corpusTexts(CORPUS_11).length).toBeGreaterThanOrEqual(25);
    expect(report.refused).toEqual([]);
  });

  it('gets at least 90% of the fields right, attaches 90% of the addresses and none to another official', () => {
    console.info(`corpus-11: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(report.addresses.emails.given).toBeGreaterThanOrEqual(6);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });

  it('still imports two texts that are no appeal: letters in one writer\'s voice, sent by that writer (known, not yet refused)', () => {
    // A testimony to a minister and an association president's letter read like a model letter in the first person;
    // nothing in them but their sender's own signature and address tells them apart. Written down so a change is seen.
    expect(report.wrong.filter((w) => w.check.field === 'refused').map((w) => w.name)).toEqual([
      'en-2007-el-salvador-pdfcoke-testimony-letter-peter-mackay-not-an-appeal.txt',
      'pt-2013-brazil-anbene-palavras-aos-governantes-not-an-appeal.txt',
    ]);
  });
});

describe('corpus-12: a tenth set, held out until scored (54.2% of fields, 5 addresses misattached, 5 appeals refused, 6 non-appeals imported), then fixed', () => {
  const report = scoreCorpus(CORPUS_12);

  it('imports every appeal and update', () => {
    expect(corpusTexts(CORPUS_12).length).toBeGreaterThanOrEqual(25);
    expect(report.refused).toEqual([]);
  });

  it('gets at least 90% of the fields right, attaches 90% of the addresses and none to another official', () => {
    console.info(`corpus-12: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(report.addresses.emails.given + report.addresses.postal.given).toBeGreaterThanOrEqual(9);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });

  it("still imports one text that is no appeal: a blogger's own unsigned letter (known, not yet refused)", () => {
    // "A link and a letter": the minister's address, "Dear Minister," and "I" - nothing but the page's silence (no request
    // to the reader) tells it from a letter-only paste, which must import. Written down so a change is seen.
    expect(report.wrong.filter((w) => w.check.field === 'refused').map((w) => w.name)).toEqual(['en-2007-sudan-ecodefense-letter-minister-of-interior-not-an-appeal.txt']);
  });
});

describe('corpus-13: an eleventh set, held out until scored (49.0% of fields, 2 addresses misattached on a non-appeal, 8 appeals refused), then fixed', () => {
  const report = scoreCorpus(CORPUS_13);

  it('imports every appeal and good-news text and refuses every text that is no appeal', () => {
    expect(corpusTexts(CORPUS_13).length).toBeGreaterThanOrEqual(25);
    expect(report.refused).toEqual([]);
    expect(report.wrong.filter((w) => w.check.field === 'refused')).toEqual([]);
  });

  it('gets at least 90% of the fields right, attaches 90% of the addresses and none to another official', () => {
    console.info(`corpus-13: ${describeReport(report).join('\n')}`);
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(BAR);
    expect(report.addresses.wrong).toEqual([]);
    expect(report.addresses.emails.given + report.addresses.postal.given).toBeGreaterThanOrEqual(11);
    expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });

  it('still misses one official named only in the letter\'s greeting (known)', () => {
    // A bare "poststelle@auswaertiges-amt.de" in a list, its official ("Minister") named only in "Sehr geehrter Herr
    // Minister (Bundeskanzler),": nothing ties that e-mail to that word but the reader's knowledge. Left off, never guessed.
    expect([...new Set(report.wrong.map((w) => w.name))]).toEqual(['de-2001-usa-mcseboard-emails-verantwortungstraeger-mustertexte.txt']);
  });
});

/*
 * The held-out sets scored once unseen, then partly fixed by general rules. Each row: what was measured unseen, how many
 * texts and addresses the set holds, its fields floor (just under what it reaches now), whether at least 90% of its
 * addresses must be attached, which refusals are allowed to remain, and what is still known wrong.
 */
const HELD_OUT = [
  {
    set: 'corpus-14', dir: CORPUS_14, unseen: '55.6% of fields, 6 addresses misattached, 4 appeals refused', texts: 25, addresses: 24, attached: true,
    // Measured 99.0% after the gate rules. Still wrong (known): a "Musterbrief" heading read as an official.
    floor: 0.9, refusalsChecked: /./,
  },
  {
    set: 'corpus-15', dir: CORPUS_15, unseen: '54.5% of fields, 4 addresses misattached, 6 appeals refused', texts: 29, addresses: 20, attached: true,
    // 100% of fields, 19 of 20 addresses, after en15 and lang15 were merged.
    floor: 0.95, refusalsChecked: /./,
  },
  {
    set: 'corpus-16', dir: CORPUS_16, unseen: '43.7% of fields, 8 addresses misattached, 6 appeals refused', texts: 30, addresses: 30, attached: true,
    // 95.6% of fields and 29 of 30 addresses after the address-part gate, the old UA's "APPEALS TO" blocks, "To <Excellency>
    // <Name>" letters, e-mails in prose, per-office contact sentences (en16) and the Italian, Japanese and Finnish readers (intl16).
    // 96.2% after safety: numbers in a bracket opened by "see" are cited across line breaks (the 1996 document has none).
    // Still wrong (known): a President named only in a greeting (corpus-2's rule labels such officials no target; this
    // set labels them targets), two officials named only in prose (a French fax sentence, a Japanese heading).
    floor: 0.96, refusalsChecked: /./,
  },
  {
    set: 'corpus-17', dir: CORPUS_17, unseen: '92.9% of fields, 0 misattached, 74% of addresses (86% by the comma-blind rule), 1 appeal refused', texts: 32, addresses: 35, attached: true,
    // 98.8% of fields, 35 of 35 addresses after fix17. Still wrong (known): the President of an update's one-line block with a mail note for a street.
    floor: 0.98, refusalsChecked: /./,
  },
  {
    set: 'corpus-18', dir: CORPUS_18, unseen: '55.8% of fields, 4 addresses misattached, 6 appeals refused, 3 non-appeals imported', texts: 25, addresses: 9, attached: false,
    // fix18: 85.1%, 0 misattached, 7 of 9 addresses, none refused. Still missed: the Cyrillic official, the prefecture.
    // fixB: 92.5% (86/93), 0 misattached: an online action's "La tua e-mail sarà inviata a:" list gives its three
    // officials, "Carta de Muestra" is no official. Still wrong (known): the Cyrillic official, the prefecture, a Spanish
    // open letter without a greeting and a letter-only text to a President (a senator's, nothing in it says so) import.
    floor: 0.92, refusalsChecked: /./,
  },
  {
    set: 'corpus-19', dir: CORPUS_19, unseen: '57.4% of fields, 0 misattached, 8 appeals refused', texts: 29, addresses: 4, attached: true,
    // fix19: 96.8% of fields, 0 misattached, none refused; 4 of 4 addresses once the scorer read a one-line address split at
    // its commas as the same address. Still wrong (known): a French reader's letter ("Bonjour Je suis ...") to a President
    // named only in the prose above it.
    floor: 0.96, refusalsChecked: /./,
  },
  {
    set: 'corpus-20', dir: CORPUS_20, unseen: '79.2% of fields, 2 addresses misattached, 2 appeals refused', texts: 20, addresses: 19, attached: true,
    // fix20: 100% of fields, 0 misattached, 17 of 19 addresses (89%), none refused; merged with fix19 and safety: 99.0%
    // (PEN's own letter to officials imported, it should be refused), 18 of 19 addresses (the scorer's one-line rule). Still wrong (known): a minister's name
    // line parted by a blank line from its inline address ("Ministry of Interior 25, ... Cairo, Egypt Fax: ...") leaves the
    // address off; a king's one-line block whose office runs into "Royal Court, Riyadh," keeps only part of it; "Samdech"
    // stays in a name; an ambassador listed after a ministry is marked a copy although the page asks to write to both.
    floor: 0.98, refusalsChecked: /./,
  },
  {
    set: 'corpus-21', dir: CORPUS_21, unseen: '66.9% of fields, 2 addresses misattached, 3 appeals refused', texts: 25, addresses: 19, attached: false,
    // fix21: 80.2% of fields, 0 misattached, 14 of 19 addresses (74%). Still wrong (known): three appeals refused (a German
    // "Appelltext" whose address runs inline, an e-mail asking to contact "your local MP", a French model letter the reader
    // is asked to send, read as a letter by others); four letters by others imported (a lawyer's, an MP's, a section's
    // meeting request, one member's own letter); a PDF's two contact columns run together name no official; a successes
    // page citing one UA loses its number. fixothers: 88.8%, 0 misattached: the four letters by others refused, the French
    // model letter (sender's fields "Nom : ………") imports with its prosecutor, e-mail and address. fixA: 94.8% (110/116), 0
    // misattached, none refused: "verschicken Sie" and "your local MP" are requests to write (the German "Appelltext" and the
    // MP e-mail import as drafts), the one action a successes page heads with its number keeps it. Still wrong (known): the
    // inline "an: President <name> The White House, ..." is not read as an official; the Belarus PDF's interleaved columns.
    floor: 0.94, refusalsChecked: /./,
  },
  {
    set: 'corpus-22', dir: CORPUS_22, unseen: '59.1% of fields, 2 addresses misattached, 4 appeals refused', texts: 20, addresses: 13, attached: false,
    // fix22: 84.9% of fields, 0 misattached, 9 of 13 addresses, none refused. Still wrong (known): the King's postal lines
    // printed beside the embassy's are left off (unsure), the "Attn: Minister ..." block is not read, a minister's office
    // e-mail ("ministerbuero@") and the interior minister's secretariat e-mail named by office stay off, a petition's
    // minister and a virtual letter's president named only in prose are missed, a thank-you letter from Amnesty reads as
    // an appeal, a protest letter handed to Amnesty imports, and (before the label was made whole, as corpus-13's) three greeting lines
    // counted against a label of the first alone: 86.0% with it. fixothers: 89.5% (the protest letter handed to Amnesty refused).
    // fixB: 97.6% (83/85), 0 misattached, 11 of 13 addresses: the minister's office e-mail in the run of his own, the
    // thank-you letter from Amnesty is good news with no official, "Call on <office> – Hon. <name> to:" and "sign on to
    // this virtual letter to <country> President <name>" name their officials. Still wrong (known): the interior
    // minister's e-mail named by office in prose ("You can call the interior minister ... :" over the bare address).
    floor: 0.97, refusalsChecked: /./,
  },
  {
    set: 'corpus-23', dir: CORPUS_23, unseen: '55.4% of fields (59.3% relabelled), 0 misattached, 3 appeals refused', texts: 20, addresses: 12, attached: true,
    // fix23: 93.0% of fields, 0 misattached, 12 of 12 addresses. Still wrong (known): a blog repost of a UA cut before its
    // addresses is refused as news of an Urgent Action; an NGO's letter to a head of state under a fax header, a senator's
    // letter with an address block and a local paper's note of a signature stand import (as drafts) instead of refused.
    // fixothers: 95.3%: the NGO's and the senator's letters refused; the paper's note of a signature stand still imports.
    floor: 0.95, refusalsChecked: /chtodelat|venezuela-europa/,
  },
  {
    set: 'corpus-24', dir: CORPUS_24, unseen: '52.7% of fields, 3 addresses misattached, 5 appeals refused', texts: 20, addresses: 12, attached: false,
    // fix24: 62.9% of fields, 0 misattached, 5 of 12 addresses; fixlate: 79.5%, 0 misattached, 10 of 12 (officials given
    // only by e-mail in the request to the reader: a permanent mission, a minister, an embassy, an ambassador named under
    // her office in the letter's head). Still wrong (known): the Portuguese head "Exma. Senhora Embaixadora ..." is not read
    // as the salutation; an ambassador named only in "Dear Ambassador <name>:" and a Dutch model letter's minister are
    // missed; a one-line postal address in a sentence ("to the Home Secretary, <name>, <street>, London SW1") and its
    // solidarity card are not read; two calls to write cut before their addresses are refused; other organisations' case
    // numbers ("TCD 140601", "UP-54-2002") are not read and an AHRC "UPDATE" imports as an appeal; a coalition's delivered
    // letter imports. fixothers: 80.7% (the coalition's delivered letter refused). fixA: 93.2% (82/88), 0 misattached, none
    // refused: the two calls to write import as drafts ("I am asking that you write a letter to ...", "Please write on
    // behalf of ..."), "Dear Ambassador <name>:" names the ambassador, the Portuguese head greets, "Case TCD 140601" and
    // "Urgent Appeal Case: UP-54-2002" are read. Still wrong (known): the Home Secretary's inline address and the solidarity
    // card, the Dutch model letter's minister, the AHRC "UPDATE" read as an appeal.
    floor: 0.93, refusalsChecked: /./,
  },
  {
    set: 'corpus-25', dir: CORPUS_25, unseen: '65.9% of fields, 1 address misattached, 1 appeal refused', texts: 11, addresses: 5, attached: true,
    // fix25: 100% of fields (43/43), 0 misattached, 5 of 5 addresses (a building line is never a name, "Name: Title", "Dear
    // Ministers X and Y", "Address to use: ... Greeting to use:", a letter headed to a board but mailed to the organiser,
    // "by July 15" in the post's year, "The deadline for appeals is <date>"). Still wrong (known): nothing the scorer
    // checks; an eleven-text set with no update, closure or good news, so these rules are tested on few real pages.
    floor: 0.97, refusalsChecked: /friendsoftroychapman/,
  },
  {
    set: 'corpus-26', dir: CORPUS_26, unseen: '58.3% of fields, 0 misattached, 1 appeal refused (no official\'s address in the set)', texts: 6, addresses: 0, attached: false,
    // Measured: 58.3% (the Ticino "Casi del mese" page refused, a priest's own letter and the section's tips for letter
    // writers imported). fixB: 100% (12/12), 0 misattached: "ricopiare il testo suggerito" asks the reader (a draft, no
    // official), a site's menu of bracketed links is no gap for the reader, "Conseils pratiques pour écrire des lettres"
    // is a guide's title. Six texts, none with an official's address: the rules are tested on written texts.
    floor: 1, refusalsChecked: /monatsbriefe|lettres-du-mois|casi-del-mese/,
  },
  {
    set: 'corpus-27', dir: CORPUS_27, unseen: '19.4% of fields, 0 misattached, 10 appeals refused', texts: 17, addresses: 5, attached: false,
    // Measured once after fixA and fixB: other organisations' and groups' calls in Italian, Polish, Japanese, Dutch,
    // Portuguese and English that the gate did not know as requests to write. fix27a and fix27b: 93.9% (62/66), 0
    // misattached, none refused, 3 of 5 e-mails: requests in those languages ("inondiamo di e-mail", "piszmy listy",
    // "年賀状を出そう", "schrijf een brief naar een politicus", "- Fax Your Govt"), "Voorbeeldmail" is a heading, the e-mail
    // "to mail the letter to" goes to the one person greeted, officials named in Italian prose get only e-mails that
    // spell them. Still wrong (known): two of three ministers' e-mails in one sentence that spell nobody (left off, the
    // moderator decides), a Supreme Court heading a list of redacted e-mails.
    floor: 0.93, refusalsChecked: /./,
  },
  {
    set: 'corpus-28', dir: CORPUS_28, unseen: '44.9% of fields, 0 misattached, 4 appeals and 1 good news refused', texts: 18, addresses: 14, attached: true,
    // Measured once after fixA and fixB: other organisations' letter appeals in English (capitals blocks, inline runs,
    // phone blasts, protected e-mails). fix28a and fix28b: 100% (89/89), 14 of 14 addresses, 0 misattached, none
    // refused: capitals "SENATOR JANE EXAMPLE" over an address, "Minister of X: His Excellency ..." in a flattened run,
    // "Please mail letters to:" cut at the sentence after the postcode, a call-in list, "Dear Ministers X and Y" with a
    // "To:" line of their e-mails (the last one by elimination, with a warning), "write protest letters to the Governor
    // at: e-mail", "Ask President X ... to", a numbered "Contact :" list, a release title as good news.
    floor: 1, refusalsChecked: /./,
  },
  {
    set: 'corpus-29', dir: CORPUS_29, unseen: '43.0% of fields, 3 addresses misattached, 4 appeals refused', texts: 20, addresses: 15, attached: true,
    // Measured once after every fix up to corpora 27 and 28. fix29a and fix29b: 97.2% (103/106), 14 of 15 addresses, 0
    // misattached, none refused: contact lines under no block are dropped, never merged into the official above (two
    // ministries' e-mails had gone to an MP); "Director of ... Mr. A.B.C. Example No. 12, ..." splits into name, office and
    // street; bullets run into one line are cut per item; "en l'adressant au <office>, <Name>, en l'envoyant à <e-mail>";
    // "Enviar llamamientos antes del <date>"; "Adresse postale du <office>" over a block. Still wrong (known): the Élysée's
    // block (the page names a place, not an office), a Ukrainian official named by a caption.
    floor: 0.97, refusalsChecked: /./,
  },
  {
    set: 'corpus-30', dir: CORPUS_30, unseen: '31.3% of fields, 0 misattached, 8 appeals and 1 good news refused', texts: 15, addresses: 4, attached: true,
    // Measured once after every fix up to corpora 27 and 28. fix30: 97.9% (47/48), 4 of 4 addresses, none refused: calls
    // for "letters, faxes and e-mails", "go to this link to send", a federation's "we appeal to you to protest", "Send a
    // Letter of Appeal" as a heading, "[at] ... [dot]" e-mails, "we got the good news that". Still wrong (known): a
    // church evening's "return by December 17" with no year in the text.
    floor: 0.97, refusalsChecked: /./,
  },
  {
    set: 'corpus-31', dir: CORPUS_31, unseen: '46.5% of fields, 0 misattached, 4 appeals refused', texts: 15, addresses: 2, attached: true,
    // Measured once after the fixes for corpora 27 and 28 and their rewrites. fix31: 100% (43/43), 2 of 2 addresses:
    // "Napisz list do:", an office and its street on one line, "Governor of X H.E. <name> ... Office", Nordic "opfordrer
    // til at skrive", "Skriv till <Name> och", a launch press release and "Hur skriver man" guides refused.
    floor: 1, refusalsChecked: /./,
  },
  {
    set: 'corpus-32', dir: CORPUS_32, unseen: '55.2% of fields, 1 address misattached, 3 appeals and 2 good news refused', texts: 16, addresses: 8, attached: true,
    // Measured once after the fixes for corpora 27 and 28 and their rewrites. fix32: 98.5% (65/66), 8 of 8 addresses, 0
    // misattached: an address caption ("Endereço:") is never a name, a pre-written mail's "An:" line goes to the office
    // greeted (Cc and Bcc to no one), "la mail del Ministero ...: a@b", a mayor's own letter refused. Still wrong (known):
    // "avant le 17 novembre prochain" with no year in the text.
    floor: 0.98, refusalsChecked: /./,
  },
  {
    set: 'corpus-33', dir: CORPUS_33, unseen: '44.8% of fields, 0 misattached, 4 appeals refused', texts: 15, addresses: 8, attached: false,
    // Measured once after every fix of 2026-12-07 (sets 18-32 and their rewrites). fix33: 87.9% (51/58), 0 misattached,
    // no appeal refused, the tips page refused; e-mails 5/5, postal 3/3. Still wrong, known: "President Enkhbayar" and
    // "Prime Minister Bayar" (named apart from the request for letters "to the prime minister and ... the president") and
    // "deliver them to Nick Clegg" (no office) are not read as targets, and the date the cards are to reach the
    // organisers ("return them to us by 15th November 2013", in a long paragraph) is not read as a deadline.
    floor: 0.87, refusalsChecked: /./,
  },
  {
    set: 'corpus-34', dir: CORPUS_34, unseen: '60.9% of fields, 1 address misattached, 3 appeals refused', texts: 21, addresses: 9, attached: true,
    // Measured once after every fix of 2026-12-07. fix34: 96.5% (83/86), 0 misattached, none refused (was 60.9%, 5
    // refused): a letter's signer is never an official; calls cut before their addresses, a "Courrier-type" model letter,
    // an update asking for more letters and a results post import; a writer's own letter ("Mein Brief an", a press
    // release, one signed with a profession) is refused; "Att:" blocks, an e-mail form's "a:" line, a call-in's heading
    // and a plural Italian greeting are read. fix34b: 100% (86/86), 9 of 9 addresses: "bis zum 17. Juni" takes the year of
    // the page's heading (", 2014"), and "Dr. JANE EXAMPLE , <office> <street>" on one line is a block (mstbrazil's Lima da
    // Costa); e-mails under a recipient line naming several officials go to none of them.
    floor: 1, refusalsChecked: /./,
  },
  {
    set: 'corpus-35', dir: CORPUS_35, unseen: '82.9% of fields, 4 addresses misattached, 1 appeal refused', texts: 25, addresses: 27, attached: true,
    // Amnesty's own English UA texts. Measured once after every fix of 2026-12-07. fix35: 96.3% (131/136), 0 misattached,
    // none refused, e-mails 4/4, postal 21/23: a block's title or office line ("Chargé d’Affaires", "His Excellency
    // Honorable Prime Minister", "Presidential Administration of ...") is never the name, the person's line is; "Jane
    // Example President of X", "President of the Republic of X Jane Example" and "Prime Minister H.E Jane Example
    // Government of ..." are split ("Inspector General of Police" is a title too); "Further information
    // on <concern>:" titles are updates, a pardon closes as good news, "no further action on his behalf" beside appeals
    // for the others is an update; a salutation under a note on copies stays with its official. Still wrong, known: the
    // Malawian 1992 block cut after "Telegrams:" (Banda, no target: "1)" item over a town without a postcode), the South
    // Sudanese ambassador cut mid-line ("Embassy of t", no contact field to anchor it), and the Angolan repost of a second
    // UA (only "40 more protesters" says it follows an earlier one: read as an appeal).
    floor: 0.96, refusalsChecked: /./,
  },
  {
    set: 'corpus-36', dir: CORPUS_36, unseen: '65.3% of fields, 3 addresses misattached, 3 appeals refused', texts: 22, addresses: 6, attached: true,
    // Measured once after every fix of 2026-12-07 up to fix34. fix36: 100% (73/73), 0 misattached, none refused, e-mails
    // 1/1, postal 5/5: a group's covering letter to an embassy ("übergebe ich Ihnen ein Schreiben an ...") gives way to the
    // letter below it, its addressee no target; a date run onto the country line ("SÜDAFRIKA Im März 2020") is cut off;
    // German country names end an address; a page cut inside its last block keeps the lines before the cut; "Napisz
    // list", "è possibile sottoscrivere un appello" ask the reader (drafts); "Erfolge <months> <year>" heads a round-up,
    // "bitte keine Appelle ... mehr" a closure, a release with "trotzdem weitere Appelle" an update; a tips page and a
    // "join the network" page refused; "Brief" alone over a block is no name; the covering letter's embassy is a copy.
    // Known: an embassy block with contact lines above a covering letter leaves the official unread (no target, safe).
    floor: 0.99, refusalsChecked: /./,
  },
  {
    set: 'corpus-37', dir: CORPUS_37, unseen: '80.5% of fields, 2 addresses misattached, 1 appeal refused', texts: 25, addresses: 18, attached: false,
    // English Amnesty UA texts (Amnesty USA one-line blocks, Amnesty Canada, mirrors). Measured once after every fix of
    // 2026-12-07. fix37: 93.3% (111/119), 0 misattached (also under every rewrite), none refused, e-mails 1/3, postal 11/15:
    // a heading run together with the page's next words ("URGENT ACTIONJOURNALIST ...CAREJane") is never an official, so
    // carries no address; "President of the Republic of X Name Présidence ..." is split at the country and the presidency;
    // "X (formerly Twitter):" is a social label and a short heading over the story ends the officials; a page telling of
    // two Urgent Actions issued (newsletter items) is refused; "Further information on EXTRA" is an update; a post ending
    // "Wonderful news ... was released" and a lead collecting "success stories" are good news; "Sign the petition and call
    // on the Minister of Justice Jane Example to:" names the official. Still wrong, known: the two document mirrors whose
    // blocks run into one paragraph ("M. Jane ExampleMinister of JusticeImm. ...Email: ...") give no official (no target,
    // safe: 4 officials, 2 e-mails, 4 postal addresses unread, so the share attached stays under 90%). "Sending a card
    // expressing support" asks for a solidarity card (the Turkmen blog's card address is the card's, no official's).
    floor: 0.93, refusalsChecked: /./,
  },
  {
    set: 'corpus-38', dir: CORPUS_38, unseen: '70.7% of fields, 3 addresses misattached, 3 appeals refused', texts: 25, addresses: 9, attached: true,
    // Other languages' texts, measured once after every fix of 2026-12-07 up to fix36. fix38: 96.7% (87/90), 0
    // misattached, e-mails 5/5, postal 4/4, 1 refused: "Ministério dos ..." is an office (Portuguese ministries were not
    // known), so above "Ministro dos ..." and "Dr. <name>" the person is the official; "Exmo. Senhor Ministro ..." over
    // "Dr. <name>," is one salutation; a closed action's notice with thanks or its signers ("Esta acción ha finalizado",
    // "Ação encerrada") is a closure, "Action terminée" alone over links or "This action ended on <date>" is not; "a été
    // relâché" with "aucune action complémentaire", thanks for signing then "sono stati scarcerati", and a "GRAZIE
    // AMNESTY" title are good news; a petition's "Para:" line under its heading gives each person, the office after the
    // name as title; "Finaliza el 05/05/2017" is a deadline (a numeric date read day first only after such a word);
    // "Estimadas y estimados apelantes," greets members. Still wrong, known: AIF's 2009 "Marathon des lettres" press
    // release (labelled an appeal) is refused: it asks no reader to write and names no official, as the launch press
    // releases of earlier sets that must be refused; the label and those rules disagree, so it is left out of the check.
    floor: 0.96, refusalsChecked: /accion-finalizada/,
  },
] as const;

describe.each(HELD_OUT)('$set: held out until scored ($unseen), partly fixed', ({ set, dir, texts, addresses, attached, floor, refusalsChecked }) => {
  const report = scoreCorpus(dir);

  it('attaches no address to another official', () => {
    console.info(`${set}: ${describeReport(report).join('\n')}`);
    expect(corpusTexts(dir).length).toBeGreaterThanOrEqual(texts);
    expect(report.addresses.wrong).toEqual([]);
    expect(report.addresses.emails.given + report.addresses.postal.given).toBeGreaterThanOrEqual(addresses);
    if (attached) expect(attachedShare(report)).toBeGreaterThanOrEqual(0.9);
  });

  it(`keeps at least its floor of the fields right (${floor * 100}%) and refuses none of the appeals it is fixed for`, () => {
    expect(report.right / report.fields, misses(report)).toBeGreaterThanOrEqual(floor);
    expect(report.refused.filter((r) => refusalsChecked.test(r))).toEqual([]);
  });
});

describe('the corpus score', () => {
  const expected: Expected = { source: 's', published: '2020', language: 'en', number: '132/19', deadline: null, targets: [{ name: 'Hamada al-Sawi', emails: [] }], salutation: 'Dear Counselor,', others: [] };

  it('counts a refusal as every field wrong', () => {
    const checks = scoreText(expected, { refused: 'import_not_an_appeal' });
    expect(checks.map((c) => c.field)).toEqual(['number', 'deadline', 'target name', 'target emails', 'salutation']);
    expect(checks.filter((c) => c.right)).toEqual([]);
  });

  it('counts an imported text that is no appeal as wrong', () => {
    const appeal = { targets: [], letter: { salutation: 'Dear Sir' } } as unknown as Appeal;
    expect(scoreText({ ...expected, kind: 'not-an-appeal' }, { appeal })).toEqual([{ field: 'refused', expected: 'refused', got: 'imported', right: false }]);
  });

  const twoOfficials: Expected = {
    ...expected,
    targets: [
      { name: 'Béchir Tekkari', emails: ['a@justice.tn'], address: ['31 Boulevard Bab Benat', '1006 Tunis'] },
      { name: 'Zine El Abidine Ben Ali', emails: [], address: ['Palais Présidentiel', 'Tunis'] },
    ],
    others: [{ name: 'Embassy', emails: ['embassy@tunisia.de'], address: ['Lindenallee 16', '14050 Berlin'] }],
  };
  const official = (name: string, address: string[], emails: string[] = [], copy = false) => ({ name, address, emails, social: [], copy });

  it('counts postal addresses attached only when all their lines are on their own official', () => {
    const appeal = { targets: [official('Béchir Tekkari', ['31 Boulevard Bab Benat', '1006 Tunis'], ['a@justice.tn']), official('Zine El Abidine Ben Ali', ['Tunis'])] } as unknown as Appeal;
    const tally = scoreAddresses(twoOfficials, appeal);
    expect(tally).toEqual({ emails: { given: 1, attached: 1 }, postal: { given: 2, attached: 1 }, wrong: [] });
  });

  it("reports a copy recipient's or another official's address on an official as misattached, and not on a copy", () => {
    const appeal = {
      targets: [
        official('Béchir Tekkari', ['Lindenallee 16', '14050 Berlin'], ['embassy@tunisia.de']),
        official('Oktober 2025', ['Palais Présidentiel', 'Tunis']),
        official('Botschaft', ['Lindenallee 16'], ['embassy@tunisia.de'], true),
      ],
    } as unknown as Appeal;
    const tally = scoreAddresses(twoOfficials, appeal);
    expect(tally.wrong).toEqual([
      'embassy@tunisia.de on Béchir Tekkari',
      'Embassy\'s address ("Lindenallee 16 / 14050 Berlin") on Béchir Tekkari',
      'Zine El Abidine Ben Ali\'s address ("Palais Présidentiel") on Oktober 2025',
    ]);
    expect(tally.postal.attached).toBe(0);
  });

  const oneLine: Expected = {
    ...expected,
    targets: [
      { name: 'Tun Example', emails: [], address: ["Jalan Dato' Onn, 50502 Kuala Lumpur, Malaysia"] },
      { name: 'Datuk Other', emails: [], address: ['Jalan Sultan Salahuddin, 50480 Kuala Lumpur, Malaysia'] },
    ],
    others: [],
  };

  it('counts a one-line address read as several lines as attached, and as misattached on another official', () => {
    const split = ["Jalan Dato' Onn", '50502 Kuala Lumpur', 'Malaysia'];
    const right = { targets: [official('Tun Example', split), official('Datuk Other', ['Jalan Sultan Salahuddin', '50480 Kuala Lumpur', 'Malaysia'])] } as unknown as Appeal;
    expect(scoreAddresses(oneLine, right)).toEqual({ emails: { given: 0, attached: 0 }, postal: { given: 2, attached: 2 }, wrong: [] });
    const swapped = { targets: [official('Datuk Other', split)] } as unknown as Appeal;
    const tally = scoreAddresses(oneLine, swapped);
    expect(tally.postal.attached).toBe(0);
    expect(tally.wrong).toEqual(["Tun Example's address (\"Jalan Dato' Onn, 50502 Kuala Lumpur, Malaysia\") on Datuk Other"]);
  });
});

// The general rules behind corpus-36's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { splitDatedCountries } from '../../../src/core/importer/dated-country.js';
import { isNoNameLine } from '../../../src/core/importer/name-gate.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

describe("a group's covering letter to an embassy, above the letter to the official, is a route for a copy", () => {
  const coverThenLetter = (handOver: string): string =>
    page(
      'Amnesty group Example Town: the letter of the month',
      '',
      'Here is the covering letter to the embassy',
      '',
      'Embassy of the Republic of Examplia',
      'H. E. Ambassador Aron Sample',
      'Lindenweg 12',
      '20 099 Hamburg',
      '',
      'Exzellenz,',
      '',
      handOver,
      '',
      'Mit freundlichen Grüßen',
      '',
      'Here is the letter to the country',
      '',
      'Minister Jane Example',
      'Ministry of the Interior',
      '14 Palace Road',
      'Example City',
      'EXAMPLIA',
      '',
      'Dear Minister,',
      '',
      'I am writing to urge you to release the teacher Ben Other, who was detained for a peaceful protest.',
    );

  for (const handOver of [
    'beiliegend finden Sie meinen Brief an Minister Jane Example. Bitte setzen Sie sich auch selbst für den Lehrer ein.',
    'hiermit überreiche ich Ihnen ein Schreiben an Ministerin Jane Example, in dem sie gebeten wird, den Lehrer freizulassen.',
    'I enclose a copy of my letter to Minister Jane Example and ask you to pass it on.',
  ]) {
    it(`greets the official the letter is for, and gives the embassy's street to no one as a target ("${handOver.slice(0, 30)}")`, () => {
      const { appeal } = imported(coverThenLetter(handOver));
      expect(appeal.letter.salutation).toBe('Dear Minister,');
      const primary = appeal.targets.filter((t) => !t.copy);
      expect(primary.map((t) => t.name)).toEqual(['Minister Jane Example']);
      const lines = primary.flatMap((t) => [t.organisation ?? '', ...(t.address ?? [])]).join(' / ');
      expect(lines).not.toContain('Lindenweg');
      expect(lines).not.toContain('Hamburg');
      expect(lines).toContain('14 Palace Road');
    });
  }

  it("keeps the embassy's block as a copy, the route the covering letter goes by", () => {
    const { appeal } = imported(coverThenLetter('hiermit überreiche ich Ihnen ein Schreiben an Ministerin Jane Example, in dem sie gebeten wird, den Lehrer freizulassen.'));
    const copies = appeal.targets.filter((t) => t.copy);
    expect(copies.flatMap((t) => t.address ?? [])).toContain('Lindenweg 12');
  });

  it('leaves a first letter that hands nothing over as the letter', () => {
    const { appeal } = imported(coverThenLetter('ich bitte Sie, sich für den Lehrer Ben Other einzusetzen, der wegen eines friedlichen Protests inhaftiert ist.'));
    expect(appeal.letter.salutation).toBe('Exzellenz,');
  });
});

describe("a letter's date run onto the country line that ends the address is the date, not the official", () => {
  it('cuts a country in capitals from the date line after it', () => {
    expect(splitDatedCountries(['Jane Example', 'Palace Road 1', 'Example City', 'BRASILIEN Im Mai 2021', ''])).toEqual(['Jane Example', 'Palace Road 1', 'Example City', 'BRASILIEN', 'Im Mai 2021', '']);
    expect(splitDatedCountries(['VOLKSREPUBLIK CHINA Im Oktober 2023'])).toEqual(['VOLKSREPUBLIK CHINA', 'Im Oktober 2023']);
    // A line that only starts with a country, or a date after a word that is no country, stays one line.
    expect(splitDatedCountries(['BRASILIEN bleibt gefährlich'])).toEqual(['BRASILIEN bleibt gefährlich']);
    expect(splitDatedCountries(['AKTION Im Mai 2021'])).toEqual(['AKTION Im Mai 2021']);
  });

  it("gives the address above the date to the person it names, the country line no one's name", () => {
    const text = page(
      'Briefe gegen das Vergessen',
      '',
      'Mai 2021',
      '',
      'Brief',
      '',
      'Jane Example',
      'Palácio do Planalto',
      'Praça dos Três Poderes',
      'Brasília, 70150',
      'BRASILIEN Im Mai 2021',
      '',
      'Sehr geehrte Frau Präsidentin,',
      '',
      'ich bitte Sie dringend, den Umweltschützer Ben Other zu schützen, der wegen seines friedlichen Einsatzes bedroht wird.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Jane Example']);
    expect(appeal.targets[0]?.address).toContain('BRASILIEN');
    expect(appeal.targets[0]?.address).toContain('Praça dos Três Poderes');
  });
});

describe('a country written in German capitals ends an address with contact lines under it', () => {
  it('reads the block above "Fax:" and "E-Mail:" up to the official', () => {
    const text = page(
      'Briefe gegen das Vergessen',
      'Oktober 2023',
      'Premierminister Aron Example',
      'Regierungsviertel 4',
      'Examplestadt 10010',
      'VEREINIGTE ARABISCHE EMIRATE',
      'Fax: 00971 – 2 555 01 02',
      'E-Mail: office@example.gov.ae',
      'Im Oktober 2023',
      'Sehr geehrter Herr Premierminister,',
      'ich bitte Sie dringend, den Blogger Ben Other freizulassen, der wegen eines friedlichen Beitrags inhaftiert ist.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Premierminister Aron Example']);
    expect(appeal.targets[0]?.emails).toEqual(['office@example.gov.ae']);
    expect(appeal.targets[0]?.address).toContain('Regierungsviertel 4');
  });
});

describe('a call to write or sign with no addressee of its own imports as a draft to check', () => {
  it('reads "Napisz list ...!" (Polish: write a letter) as a request to the reader', () => {
    const text = page(
      '2011-12-09',
      '',
      'Napisz list w obronie Jana Przykładowego!',
      '',
      'W sobotę w całej Polsce każdy będzie mógł napisać list w obronie dziennikarza Jana Przykładowego, więzionego za artykuł o korupcji.',
    );
    const result = imported(text);
    expect(result.appeal.targets).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('unsure_appeal');
  });

  it('reads "è possibile sottoscrivere un appello" (Italian: one can sign an appeal) as a request to the reader', () => {
    const text = page(
      'Appello per la famiglia Esempio',
      'La sezione italiana informa che sul proprio sito è possibile sottoscrivere un appello al ministro dell?Interno affinché protegga i quattro cittadini rimpatriati ieri.',
    );
    expect(imported(text).warnings.map((w) => w.code)).toContain('unsure_appeal');
    expect(refusedReason(page('Notizie', 'Il ministro ha firmato un accordo con la regione per i quattro cittadini rimpatriati ieri.'))).toBe('import_not_an_appeal');
  });
});

describe("news of an action is read as its kind: a quarter's successes, no more appeals, letters asked despite a release", () => {
  it('reads "Erfolge <months> <year>" under a banner as a round-up of good news, whose one cited UA number is not its own', () => {
    const text = page(
      'DEINE SPENDE WIRKT!',
      'Mit uns kannst du helfen.',
      'JETZT SPENDEN',
      'Erfolge April - Juni 2021',
      'Im Mai erreichte uns die Nachricht, dass Jane Example frei ist. Vielen Dank allen für den Einsatz!',
      'Examplia - Jane Example frei',
      'Die Journalistin kam nach zwei Jahren Haft frei. (UA-101/2020)',
      'Otherland - Verfahren eingestellt',
      'Das Verfahren gegen den Gewerkschafter Ben Other wurde eingestellt.',
    );
    const result = importUrgentAction(text);
    expect(result.ok && result.kind).toBe('good-news');
    expect(result.ok && result.appeal.number).toBeUndefined();
  });

  it('reads "bitte keine Appelle mehr senden" as a closure', () => {
    const text = page(
      'Examplia: Jane Example aus der Haft entlassen',
      '',
      'Die Journalistin Jane Example wurde am 3. Mai nach Ablauf ihrer Strafe entlassen, sie steht aber unter Hausarrest.',
      '',
      'Bitte keine Appelle für ihre Freilassung mehr senden. Wir beobachten ihre Lage weiter.',
    );
    expect(kindOf(text)).toBe('closure');
    // A live appeal's deadline says the same words with a date: it stays an appeal.
    const deadline = page('UA-101/2023', '', 'Bitte schreiben Sie Ihre Appelle möglichst sofort. Wir bitten Sie, nach dem 3. Juni 2023 keine Appelle mehr zu verschicken.');
    expect(kindOf(deadline)).toBe('appeal');
  });

  it('reads one release and "schreiben Sie bitte trotzdem weitere Appelle" for the others as an update', () => {
    const text = page(
      'BRIEF DES MONATS MAI 2019',
      '',
      'Examplia',
      '',
      'Ben Other wurde am 2. Mai freigelassen. Schreiben Sie bitte trotzdem weitere Appelle für die übrigen inhaftierten Studierenden.',
      'Bei den Protesten wurden Hunderte Studierende festgenommen.',
    );
    expect(kindOf(text)).toBe('update');
  });
});

describe('a page on letter writing or on the Urgent Action network in general is refused', () => {
  it('refuses "Praktische Tipps zum Briefeschreiben", a compound the guide titles did not read', () => {
    const text = page(
      'Mitmachen',
      '',
      'Praktische Tipps zum Briefeschreiben',
      '',
      'Appelle in Form von Briefen oder E-Mails zeigen den Verantwortlichen, dass ihre Taten gesehen werden. Bei Urgent Actions erreichen wir so oft eine Verbesserung: Gefangene werden freigelassen.',
      '',
      'Die folgenden Punkte helfen dir beim Aufsetzen deines Briefes.',
      '',
      'Schreibe immer höflich und sachlich. Schreibe bitte nur an die angegebenen Adressen.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('refuses a "join the network" page whose only good news is a link to others ("Voyez nos bonnes nouvelles")', () => {
    const text = page(
      'Rejoignez notre réseau',
      '',
      'Le système des actions urgentes sauve des vies : vous agissez en envoyant un email ou un courrier aux autorités concernées.',
      'Et ça marche ! Voyez nos bonnes nouvelles',
      '',
      'Comment fonctionnent les actions urgentes ?',
      '',
      'Chaque mois, nous vous envoyons une action urgente par email avec un modèle de lettre.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
    // Good news told, not pointed to, is still good news.
    expect(kindOf(page('Bonnes nouvelles : Jane Example est libre', '', 'Jane Example a été libérée hier. Merci à toutes et à tous pour vos lettres !'))).toBe('good-news');
  });
});

describe("a page cut inside its last address block gives the official the lines before the cut", () => {
  const cutPage = (...block: string[]): string =>
    page('Briefe gegen das Vergessen', '', 'Wir brauchen Ihre Unterstützung. Beteiligen Sie sich an den Briefen gegen das Vergessen.', '', 'Juni 2023', '', ...block);

  it('reads a name over its office, the address lines, and leaves off the broken last line', () => {
    const { appeal } = imported(cutPage('Jane Example', 'Presidenta de la República de Examplia', 'Palacio Nacional', 'Avenida Central 5', 'Ciudad Ejemplo', 'EXAMPL'));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Jane Example']);
    const lines = appeal.targets.flatMap((t) => [t.organisation ?? '', ...(t.address ?? [])]);
    expect(lines).toContain('Avenida Central 5');
    expect(lines).toContain('Ciudad Ejemplo');
    expect(lines).not.toContain('EXAMPL');
  });

  it('reads an office-first name over a block broken by blank lines, the name never a line below it', () => {
    const { appeal } = imported(cutPage('Director Aron Example', 'Example County Police', '', 'Station in Sample Town', 'Harbour Road 7,', '', 'West Quarter', 'Samp'));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Aron Example']);
    expect(appeal.targets[0]?.address).toContain('Harbour Road 7');
    expect(appeal.targets[0]?.address).not.toContain('Samp');
  });

  it('reads nothing from a page whose last lines are prose', () => {
    expect(imported(cutPage('Jane Example', 'Presidenta de la República', 'Die Lage ist ernst und wir bitten um Briefe an sie, die wir')).appeal.targets).toEqual([]);
  });
});

describe('the word "Brief" ("Letter") alone over an address block is its caption, never the name', () => {
  it('gives the block under "Brief" to the person it names', () => {
    const text = page('Briefe gegen das Vergessen', '', 'Mai 2021', 'Brief', 'Jane Example', 'Palácio do Planalto', 'Praça dos Três Poderes', 'Brasília, 70150', 'BRASILIEN', '', 'Sehr geehrte Frau Präsidentin,', '', 'ich bitte Sie dringend, den Umweltschützer Ben Other zu schützen.');
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Jane Example']);
    expect(isNoNameLine('Brief')).toBe(true);
    expect(isNoNameLine('Letter')).toBe(true);
    expect(isNoNameLine('Jane Brief')).toBe(false);
  });
});

describe('a cut block is read only where the text breaks off inside an address', () => {
  it("never reads a letter's greeting or body as a cut block, nor the embassy of a covering letter as the official", () => {
    const text = page(
      'Here is the covering letter to the embassy',
      '',
      'Embassy of the Republic of Examplia',
      'H. E. Ambassador Aron Sample',
      'Lindenweg 12',
      '20 099 Hamburg',
      'Fax: 040 555 01 02',
      'E-Mail: info@examplia-embassy.de',
      '',
      'Exzellenz,',
      '',
      'hiermit überreiche ich Ihnen ein Schreiben an Ministerin Jane Example, in dem sie gebeten wird, den Lehrer freizulassen.',
      '',
      'Here is the letter to the country',
      '',
      'Minister Jane Example',
      'Ministry of the Interior',
      '14 Palace Road',
      'EXAMPLIA',
      '',
      'Dear Minister,',
      '',
      'I am writing to urge you to release the teacher Ben Other, who was detained for a peaceful protest.',
    );
    const { appeal } = imported(text);
    expect(appeal.letter.salutation).toBe('Dear Minister,');
    const primary = appeal.targets.filter((t) => !t.copy);
    expect(primary.flatMap((t) => t.address ?? [])).not.toContain('Dear Minister');
    expect(primary.flatMap((t) => t.emails)).not.toContain('info@examplia-embassy.de');
    expect(primary.flatMap((t) => t.address ?? [])).not.toContain('Lindenweg 12');
    // Under a page heading the embassy's block reads as no official's; the letter below still gives no cut block.
    const headed = imported(page('Amnesty group Example Town: the letter of the month', '', text)).appeal;
    expect(headed.targets.flatMap((t) => t.address ?? [])).not.toContain('Dear Minister');
  });
});

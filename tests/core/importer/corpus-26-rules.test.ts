// The general rules behind corpus-26's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isGuide } from '../../../src/core/importer/signs.js';
import { splitSections } from '../../../src/core/importer/sections.js';
import { kindOf, page, refusedReason } from './helpers.js';

const body = [
  'I am writing to you again to urge you to use your good offices for the release of Jane Example, held without charge since March.',
  'I urge you to act without delay.',
];

describe('a letter its writer sent, on a page ending in a menu of links', () => {
  const sent = (...signature: string[]): string => page(
    'Mr Aron Example,',
    'Secretary General of the Example Union',
    'Fax: 0012 345-6789',
    '',
    'Dear Secretary General,',
    ...body,
    'Yours sincerely,',
    '',
    ...signature,
    '',
    '[Letters, Documents...] - [Action Campaign NOW] - [HOME]',
  );

  it('is refused: the menu\'s bracketed links are no gap for the reader to fill', () => {
    expect(refusedReason(sent('Jane Sample', 'National Director', 'Example Justice Centre'))).toBe('import_not_an_appeal');
  });

  it('still imports when the letter leaves its signature for the reader to fill in', () => {
    expect(refusedReason(sent('[Your name]'))).toBeUndefined();
  });
});

describe('a page of practical tips for letter writers', () => {
  it('is a guide by its title, in French, English, Spanish, Italian and German', () => {
    for (const title of ['Conseils pratiques pour écrire des lettres', 'Practical tips for writing letters', 'Consejos para escribir cartas', 'Consigli pratici per scrivere', 'Tipps zum Schreiben']) {
      expect(isGuide(splitSections([title, '', 'Rédigez dans un style formel et poli.']))).toBe(true);
    }
    expect(isGuide(splitSections(['Lettres du mois', '', 'Écrivez au ministre.']))).toBe(false);
  });

  it('is refused though it gives the section\'s own reply address', () => {
    const text = page(
      'Conseils pratiques pour écrire des lettres',
      '',
      'Politesse: Rédigez dans un style formel et poli. Un modèle de lettre est à disposition pour chaque cas.',
      'Envoyez une copie de votre lettre à l\'ambassade du pays destinataire.',
      'Merci de nous faire parvenir une copie de la réponse à l\'adresse suivante:',
      '',
      'Example Rights Group',
      'Case postale',
      '3001 Exampleville',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('a monthly cases page whose letters are downloads', () => {
  it('imports as an appeal when it asks to copy out the suggested text ("ricopiare il testo suggerito")', () => {
    const text = page(
      'Partecipare all\'azione è semplice.',
      'Dopo aver scaricato il documento PDF del caso scelto, si può ricopiare il testo suggerito su una cartolina, firmare e spedire.',
      'Appelli attuali',
      'EXAMPLIA',
      'La giornalista Jane Example è stata fermata dalla polizia mentre assisteva a una manifestazione pubblica.',
    );
    expect(kindOf(text)).toBe('appeal');
  });
});

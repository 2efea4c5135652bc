import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appealSchema, type Appeal, type AppealInput } from '../../../src/core/appeal.js';

/**
 * A two-target appeal with a copy recipient and a Spanish translation: enough to exercise target
 * choice, Cc, `lang=` and non-ASCII text everywhere.
 */
export const bilingualInput: AppealInput = {
  id: 'ua-99-26',
  reference: 'UA 99.26',
  title: 'Free María José Peña',
  summary: 'A student held for a peaceful protest.',
  targets: [
    {
      name: 'Sra. Ana Núñez',
      title: 'Fiscal General',
      organisation: 'Fiscalía General de la República',
      address: ['Avenida Señora de Fátima 12', '01001 San José', 'Costa Rica'],
      emails: ['fiscal@example.org'],
      salutation: 'Estimada Fiscal General:',
    },
    { name: 'Mr. John Minister', title: 'Minister of Justice', address: ['1 Justice Road', 'Capital City'], emails: ['minister@example.org'] },
    { name: 'Embassy of Costa Rica', title: 'Ambassador', emails: ['embassy@example.org', 'consul@example.org'], copy: true },
  ],
  letter: {
    lang: 'en',
    subject: 'UA 99.26: Free María José “Majo” Peña',
    salutation: 'Dear Attorney General,',
    paragraphs: ['I am writing about María José Peña’s detention.', 'Please release her “immediately” and drop all charges.'],
    closing: 'Yours sincerely,',
  },
  translations: [
    {
      lang: 'es',
      subject: 'AU 99.26: Libertad para María José Peña',
      salutation: 'Estimada Fiscal General:',
      paragraphs: ['Le escribo por la detención de María José Peña.', 'Le pido que la ponga en libertad de inmediato.'],
      closing: 'Atentamente,',
    },
  ],
  preferredLanguages: ['Spanish', 'English'],
  deadline: '2030-06-30',
};

export function bilingualAppeal(): Appeal {
  return appealSchema.parse(bilingualInput);
}

/** A folder of appeal files holding only the bilingual appeal, for `testApp({ appealsDir })`. */
export async function bilingualAppealsDir(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'actionbot-appeals-')), 'appeals');
  await mkdir(dir);
  await writeFile(join(dir, `${bilingualInput.id}.json`), JSON.stringify(bilingualInput));
  return dir;
}

import { describe, expect, it } from 'vitest';
import { appealSchema } from '../../../src/core/appeal.js';
import { letterPdf } from '../../../src/core/kit/pdf.js';
import { renderLetter } from '../../../src/core/letter.js';
import { bilingualInput } from './fixtures.js';
import { visualLines } from './read-pdf.js';

const now = new Date('2026-11-28T10:00:00Z');
const options = { paper: 'A4' as const, title: 'UA 99.26', now, labelCaption: 'Cut along the dashed line.' };

/**
 * Right-to-left names as the page shows them: the words of a right-to-left run stand right to left
 * (so, read left to right, in reverse), each word whole and apart from the next; Latin keeps its
 * place. A line starting with a right-to-left letter is a right-to-left line.
 */
const cases = [
  { script: 'Arabic', name: 'ليلى أحمد', town: 'تل أبيب', shownName: 'أحمد ليلى', shownTown: 'أبيب تل', shownLabel: 'أبيب تل أحمد, ليلى' },
  { script: 'Hebrew', name: 'דוד כהן', town: 'תל אביב', shownName: 'כהן דוד', shownTown: 'אביב תל', shownLabel: 'אביב תל כהן, דוד' },
  { script: 'Persian', name: 'مریم رضایی', town: 'بندر عباس', shownName: 'رضایی مریم', shownTown: 'عباس بندر', shownLabel: 'عباس بندر رضایی, مریم' },
  { script: 'Latin then Hebrew', name: 'Ana בת שבע Levi', town: 'Lyon', shownName: 'Ana שבע בת Levi', shownTown: 'Lyon', shownLabel: 'Ana שבע בת Levi, Lyon' },
  { script: 'Arabic then Latin', name: 'فاطمة الزهراء Smith', town: 'Paris', shownName: 'Smith الزهراء فاطمة', shownTown: 'Paris', shownLabel: 'Smith, Paris الزهراء فاطمة' },
] as const;

describe('right-to-left text in the letter PDF', () => {
  it.each(cases)('shows a $script name and town word by word in the sender block, signature and envelope', async ({ name, town, shownName, shownTown, shownLabel }) => {
    const letter = renderLetter(appealSchema.parse(bilingualInput), { sender: { name, town }, now, timezone: 'UTC' });
    const [first, label] = await visualLines(await letterPdf(letter, options));
    // Sender block (top right) and signature (after the closing): the name and the town, each a line.
    const closing = first!.indexOf('Yours sincerely,');
    expect(first!.slice(0, closing)).toEqual(expect.arrayContaining([shownName, shownTown]));
    expect(first!.slice(closing)).toEqual(expect.arrayContaining([shownName]));
    expect(first!.slice(closing).some((line) => line.includes(shownTown))).toBe(true);
    // The envelope's sender line: "name, town" in one line, the comma where the bidi algorithm puts it.
    expect(label).toContain(shownLabel);
  });

  it('shows a right-to-left address block word by word', async () => {
    const [target, ...others] = bilingualInput.targets;
    const appeal = appealSchema.parse({ ...bilingualInput, targets: [{ ...target!, name: 'השופט דוד לוי', address: ['רחוב הרצל 12', 'תל אביב 6100000'] }, ...others] });
    const letter = renderLetter(appeal, { sender: { name: 'Ana', town: 'Lyon' }, now, timezone: 'UTC' });
    const [first, label] = await visualLines(await letterPdf(letter, options));
    // Numbers keep their own left-to-right order inside a right-to-left line.
    for (const page of [first!, label!]) expect(page).toEqual(expect.arrayContaining(['לוי דוד השופט', '12 הרצל רחוב', '6100000 אביב תל']));
  });
});

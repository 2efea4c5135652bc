// The general rules behind corpus-37's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isPlausibleName } from "../../../src/core/importer/name-gate.js";
import { importUrgentAction } from '../../../src/core/importer/index.js';

describe('a heading run together with the first words of a mirrored page is never an official', () => {
  const mirrored =
    'URGENT ACTIONJOURNALIST HELD INCOMMUNICADOBen Other, a reporter in Examplia, is being held in Central Prison, in the north of Examplia. ' +
    'He was arrested in the capital, Example City, on 3 March 2021, and charged with spreading rumours. He needs a lawyer.TAKE ACTION: Write a letter ' +
    'in your own words to one or both government officials listed.Click here to let us know the actions you took on Urgent Action 12.21. ' +
    'Mr. Jane ExampleMinister of Justice12 Palace Road, Example CityExampliaEmail: minister@justice.example ' +
    'Ambassador Tom SampleEmbassy of Examplia 1 Embassy Row NW, Washington DC 20008\n\nSalutation: Dear Minister\n\n' +
    'Dear Minister, I am writing to urge you to release Ben Other, who was detained for his reporting.';

  it('reads no name in a run-together heading', () => {
    expect(isPlausibleName('URGENT ACTIONJOURNALIST HELD INCOMMUNICADOBen Other')).toBe(false);
    expect(isPlausibleName('STUDENT LEADER AT RISKMaria Sample')).toBe(false);
    expect(isPlausibleName('President Jane Example')).toBe(true);
    expect(isPlausibleName('Minister Karim McDONALD')).toBe(true);
  });

  it('attaches no address to the heading', () => {
    const result = importUrgentAction(mirrored);
    const targets = result.ok ? result.appeal.targets : [];
    for (const target of targets) {
      expect(target.name).not.toMatch(/URGENT ACTION|INCOMMUNICADO/);
    }
    const owners = targets.filter((t) => t.emails.includes('minister@justice.example')).map((t) => t.name);
    expect(owners.every((name) => /Jane Example/.test(name))).toBe(true);
  });
});

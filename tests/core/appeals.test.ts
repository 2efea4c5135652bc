import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appealSchema } from '../../src/core/appeal.js';
import { loadAppealFiles } from '../../src/core/appeals.js';

describe('loading appeal files', () => {
  let dir: string;
  const seed = async () => JSON.parse(await readFile('appeals/ua-34-25.json', 'utf8')) as Record<string, unknown>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-appeals-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('loads the bundled appeal with every field the letter needs', async () => {
    const { appeals, problems } = await loadAppealFiles('appeals');
    expect(problems).toEqual([]);
    const appeal = appeals.find((a) => a.id === 'ua-34-25')!;
    expect(appeal).toMatchObject({ reference: 'UA 34.25', deadline: '2025-07-01', preferredLanguages: ['English'] });
    expect(appeal.targets[0]).toMatchObject({ name: 'The Honorable Kristi Noem', emails: ['dhssecretary@hq.dhs.gov'] });
    expect(appeal.letter.paragraphs).toHaveLength(4);
  });

  it('reports a bad file with its path and the field at fault, and still loads the others', async () => {
    const good = await seed();
    await writeFile(join(dir, 'good.json'), JSON.stringify(good));
    await writeFile(join(dir, 'bad-email.json'), JSON.stringify({ ...good, id: 'ua-1-1', targets: [{ name: 'X', emails: ['not-an-email'] }] }));
    await writeFile(join(dir, 'broken.yaml'), 'id: [unclosed');
    await writeFile(join(dir, 'same-id.yml'), `id: ua-34-25\n`);
    const { appeals, problems } = await loadAppealFiles(dir);
    expect(appeals.map((a) => a.id)).toEqual(['ua-34-25']);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: join(dir, 'bad-email.json'), message: expect.stringContaining('targets.0.emails.0') },
        { path: join(dir, 'broken.yaml'), message: expect.stringContaining('not valid YAML') },
        { path: join(dir, 'same-id.yml'), message: expect.stringContaining('reference') },
      ]),
    );
  });

  it('reads YAML appeals too', async () => {
    const { stringify } = await import('yaml');
    await writeFile(join(dir, 'ua.yaml'), stringify({ ...(await seed()), id: 'ua-2-26' }));
    const { appeals } = await loadAppealFiles(dir);
    expect(appealSchema.parse(appeals[0]).id).toBe('ua-2-26');
  });

  it('treats a missing folder as no appeals', async () => {
    expect(await loadAppealFiles(join(dir, 'nope'))).toEqual({ appeals: [], problems: [] });
  });
});

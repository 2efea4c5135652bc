import { readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_TEXT_LIMIT } from '../../src/commands/pipeline/limits.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { HEAVY, importFile } from '../support/heavy-paste.js';

const UA = readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt', 'utf8');
const moderator = (userId: string) => ({ userId, moderator: true, platform: 'telegram' });

describe('/import while the group acts', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it("answers a member's /acted while strangers' large pastes are read, in another thread", async () => {
    const group = typer(app.deps, 'telegram:-100');
    await group(moderator('admin'), '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    const done: string[] = [];
    // Three strangers, each the admin of a group of his own, send a file of nearly a megabyte each.
    const imports = ['s1', 's2', 's3'].map((who) => importFile(app.deps, who, HEAVY).then(() => done.push(`import ${who}`)));
    const acted = await group({ userId: 'member', platform: 'telegram' }, '/acted email');
    done.push('acted');
    await Promise.all(imports);
    expect(acted.plain).toMatch(/1 action/);
    // The member's answer came before the texts were read: they were not read on this thread.
    expect(done.indexOf('acted')).toBeLessThan(done.length - 1);
    expect(app.importer.threads).toHaveLength(3);
    expect(app.importer.threads.every((id) => id !== threadId)).toBe(true);
  });

  it('lets one member give ten texts in ten minutes, and others theirs', async () => {
    const answers = [];
    for (let i = 0; i <= IMPORT_TEXT_LIMIT.limit; i++) answers.push(await importFile(app.deps, '7', UA));
    expect(answers.slice(0, -1).every((a) => a.includes('Preview'))).toBe(true);
    expect(answers.at(-1)).toMatch(/try again in a minute/);
    expect(await importFile(app.deps, '8', UA)).toContain('Preview');
  });
});

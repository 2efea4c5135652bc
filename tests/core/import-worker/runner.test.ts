import { readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportRunner } from '../../../src/core/import-worker/runner.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { HEAVY } from '../../support/heavy-paste.js';

const UA = readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt', 'utf8');

describe('the importer thread', () => {
  let runner: ImportRunner;
  afterEach(() => runner.close());

  it('reads a text in another thread, as the importer does in this one', async () => {
    runner = new ImportRunner();
    expect(await runner.run(UA, { source: 'a test' })).toEqual(importUrgentAction(UA, { source: 'a test' }));
    expect(runner.threads).toHaveLength(1);
    expect(runner.threads[0]).not.toBe(threadId);
  });

  it('reads texts one at a time, and refuses more than it lets wait', async () => {
    runner = new ImportRunner({ maxWaiting: 2 });
    const results = await Promise.all([HEAVY, UA, UA, UA].map((text) => runner.run(text)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'ok', 'ok', 'import_busy']);
    // One thread read all three.
    expect(new Set(runner.threads).size).toBe(1);
  });

  it('ends a text that takes over its budget, and the texts behind it still get their answer', async () => {
    runner = new ImportRunner({ budgetMs: 1 });
    const answers = await Promise.all([runner.run(HEAVY), runner.run(UA)]);
    expect(answers).toEqual([expect.objectContaining({ ok: false, reason: 'import_timeout' }), expect.objectContaining({ ok: false, reason: 'import_timeout' })]);
    expect(runner.threads).toEqual([]);
  });

  it('refuses a text over its size cap without handing it to the thread', async () => {
    runner = new ImportRunner({ maxBytes: 1000 });
    expect(await runner.run(UA)).toMatchObject({ ok: false, reason: 'import_too_large' });
    expect(runner.threads).toEqual([]);
  });
});

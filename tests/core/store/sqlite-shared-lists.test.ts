import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';

describe('shared lists with two connections on one SQLite file', () => {
  it('keeps every drive when two apps start drives in many spaces at once, and a space gets one drive', async () => {
    // Two apps on one file are two connections: to SQLite's locks, the same as two processes.
    const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-two-'));
    const [a, b] = await Promise.all([1, 2].map(() => testApp({ dataDir })));
    try {
      const appeal = (await a!.deps.appeals.get('ua-34-25'))!;
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a! : b!).deps.drives.start(appeal, `discord:g${i}/c${i}`, { deadline: '2026-12-31' })),
      );
      expect((await b!.deps.drives.allActive()).map((d) => d.space)).toHaveLength(20);
      const twice = await Promise.allSettled([a!, b!].map((app) => app.deps.drives.start(appeal, 'slack:T/C', { deadline: '2026-12-31' })));
      expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    } finally {
      await a!.close();
      await b!.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

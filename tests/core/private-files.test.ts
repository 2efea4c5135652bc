import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDataDir, dataModeWarnings } from '../../src/app/data-dir.js';
import { ConfigError } from '../../src/core/errors.js';
import { loadSecret } from '../../src/core/member-key.js';
import { openStore } from '../../src/core/store.js';
import { backupTo } from '../../src/core/store/sqlite-admin.js';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('the data folder and its files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-modes-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the folder 0700 and the SQLite file, its -wal and -shm 0600, and a backup 0600', async () => {
    const data = join(dir, 'data', 'nested');
    await checkDataDir(data);
    expect(await modeOf(data)).toBe(0o700);
    expect(await modeOf(join(dir, 'data'))).toBe(0o700);
    const db = join(data, 'actionbot.sqlite');
    const store = await openStore(`sqlite://${db}`);
    try {
      await store.kv.set('drive:x', { a: 1 });
      const files = (await readdir(data)).sort();
      expect(files).toEqual(['actionbot.sqlite', 'actionbot.sqlite-shm', 'actionbot.sqlite-wal']);
      for (const file of files) expect([file, await modeOf(join(data, file))]).toEqual([file, 0o600]);
      await backupTo(db, join(dir, 'copy.sqlite'));
      expect(await modeOf(join(dir, 'copy.sqlite'))).toBe(0o600);
      await expect(backupTo(db, join(dir, 'copy.sqlite'))).rejects.toThrow(/exists already/);
    } finally {
      await store.close();
    }
    expect(await dataModeWarnings(data, `sqlite://${db}`)).toEqual([]);
  });

  it('warns, one line a path, about an existing folder or file others may read', async () => {
    await writeFile(join(dir, 'actionbot.sqlite'), '');
    await chmod(join(dir, 'actionbot.sqlite'), 0o644);
    await chmod(dir, 0o755);
    const lines = await dataModeWarnings(dir, `sqlite://${join(dir, 'actionbot.sqlite')}`);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/has mode 0755.*chmod 700/);
    expect(lines[1]).toMatch(/actionbot\.sqlite has mode 0644.*chmod 600/);
  });

  it('refuses a DATA_DIR that cannot be made in one line, also under /proc, where mkdir -p would spin', async () => {
    // In a child process: were it to spin, the test process would spin with it.
    const script = `import { checkDataDir } from './src/app/data-dir.ts';
      await checkDataDir('/proc/actionbot-test/data').then(() => console.log('made'), (e) => console.log(e.constructor.name, e.message));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise((resolve) => child.on('close', resolve));
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^ConfigError .*\/proc\/actionbot-test.*DATA_DIR/);
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    await expect(checkDataDir(join(file, 'data'))).rejects.toBeInstanceOf(ConfigError);
  });

  it('refuses a MEMBER_KEY_SECRET_FILE that is a link into the data folder', async () => {
    const data = join(dir, 'data');
    await mkdir(data);
    await writeFile(join(data, 'member-key.secret'), `${'s'.repeat(40)}\n`);
    await symlink(join(data, 'member-key.secret'), join(dir, 'outside.secret'));
    const error = await loadSecret({ dataDir: data, file: join(dir, 'outside.secret') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('MEMBER_KEY_SECRET_FILE');
    // A link the other way (data folder reached through a link) is inside too.
    await symlink(data, join(dir, 'data-link'));
    await expect(loadSecret({ dataDir: join(dir, 'data-link'), file: join(data, 'member-key.secret') })).rejects.toBeInstanceOf(ConfigError);
  });
});

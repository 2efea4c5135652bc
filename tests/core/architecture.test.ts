import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('architecture', () => {
  it('keeps platform SDKs and adapters out of the core and the commands', async () => {
    const files = [...(await sourceFiles('src/core')), ...(await sourceFiles('src/commands'))];
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (/from ['"](discord\.js|grammy|@grammyjs\/[^'"]*|@slack\/[^'"]*|@discordjs\/[^'"]*)['"]/.test(text) || /from ['"][./]*\/adapters\//.test(text)) {
        offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in config.ts and main.ts (and the CLI entry)', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('src')) {
      if (/src\/app\/(config|main|cli)\.ts$/.test(file) || file.includes('adapters/shell/')) continue;
      if ((await readFile(file, 'utf8')).includes('process.env')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});

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

  it('reads the time only through an injected Clock in the core: no Date.now() or new Date() without arguments', async () => {
    // Allowed, and why:
    const allowed: Record<string, string> = {
      // The one place that reads the system's time: systemClock, which the composition root injects.
      'src/core/time.ts': 'systemClock',
      // Schedules Slack's answers against real setTimeouts from the request's arrival, which the
      // Slack adapter stamps in ms since the epoch; a fake clock alone would not move its timers.
      'src/core/lane.ts': 'the arrival time of a Slack request',
    };
    const readsTime = /\bDate\.now\b|\bnew Date\(\s*\)/;
    const offenders: string[] = [];
    for (const file of await sourceFiles('src/core')) {
      const text = await readFile(file, 'utf8');
      if (readsTime.test(text) && !(file in allowed)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
    // Each allowance is still needed (one that is not is removed), and the pattern finds both forms.
    for (const file of Object.keys(allowed)) expect(readsTime.test(await readFile(file, 'utf8'))).toBe(true);
    expect(['const t = Date.now();', 'at = new Date( )', 'now = Date.now'].every((line) => readsTime.test(line))).toBe(true);
    expect(['new Date(0)', 'new Date(at)', 'performance.now()'].some((line) => readsTime.test(line))).toBe(false);
  });
});

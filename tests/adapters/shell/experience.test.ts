import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPdf } from '../../core/kit/read-pdf.js';
import { BOT_MAIN } from '../../support/built-bot.js';

/** `npm start` as a newcomer runs it: piped lines, a fresh data folder, the real clock. */
async function session(lines: string[], env: Record<string, string> = {}): Promise<{ out: string; err: string; code: number | null }> {
  const child = spawn(process.execPath, [BOT_MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(`${lines.join('\n')}\n`);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { out, err, code };
}

/** What the bot printed after typing `line`, up to the next typed line. */
function after(out: string, line: string): string {
  const start = out.indexOf(`> ${line}\n`);
  if (start === -1) throw new Error(`not typed: ${line}\n${out}`);
  const rest = out.slice(start + line.length + 3);
  const next = rest.indexOf('\n> ');
  return next === -1 ? rest : rest.slice(0, next);
}

/**
 * A zone where it is now between 10:00 and 23:59 (every default reminder time of today has passed),
 * and today's date there: the spawned bot runs on the real clock, so the test picks the zone.
 */
function lateToday(): { zone: string; date: string } {
  const zone = new Date().getUTCHours() >= 10 ? 'UTC' : 'Pacific/Kiritimati';
  return { zone, date: new Date().toLocaleDateString('en-CA', { timeZone: zone }) };
}
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('a terminal session on a fresh clone', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-experience-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('prints the letter for a bare /letter, and signs the PDF in Cyrillic and Greek', async () => {
    const { out, err, code } = await session(['/letter', '/letter name="Иван" town="Αθήνα"'], { DATA_DIR: dataDir });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(after(out, '/letter')).toContain('Dear Secretary Noem,');
    const pdf = await readPdf(await readFile(join(dataDir, 'outbox', 'operator-ua-34-25-letter.pdf')));
    expect(pdf.pages[0]).toContain('Иван');
    expect(pdf.pages[0]).toContain('Αθήνα');
  });

  it('says the real reason for each refusal, reports an open quote, and cuts an echo short', async () => {
    const long = `/${'x'.repeat(100_000)}`;
    const lines = [
      '/remind now appeal=nope',
      `/drive start ua-34-25 deadline=${inDays(30)}`,
      '/letter name="Unbalanced town=Paris',
      long,
      '/drive end',
      '/undo',
      '/acted email ua-34-25',
    ];
    const { out, err } = await session(lines, { DATA_DIR: dataDir });
    expect(err).toBe('');
    expect(after(out, '/remind now appeal=nope')).toContain('There is no appeal "nope". Known appeals: ua-34-25.');
    expect(after(out, '/letter name="Unbalanced town=Paris')).toContain('The quote " at character 6 ("Unbalanced town=Paris) is never closed');
    expect(out.length).toBeLessThan(20_000);
    expect(out).toContain('(100001 characters)');
    expect(after(out, '/undo')).toContain('The drive for ua-34-25 here was ended by a moderator.');
    expect(after(out, '/acted email ua-34-25')).toContain('was ended by a moderator');
  });

  it('presses only buttons of a reply the current member saw', async () => {
    const lines = ['/forgetme', '/as bob', '/press 1', '/letter', '/press 1'];
    const { out } = await session(lines, { DATA_DIR: dataDir });
    expect(out.match(/No such button/g)).toHaveLength(1);
    expect(after(out, '/letter')).toContain('[1] Open email draft');
  });

  it('lists the reminders that remain when scheduled on the deadline day, and names the close as the end of that day', async () => {
    const { zone, date } = lateToday();
    const lines = [`/drive start ua-34-25 deadline=${date} timezone=${zone}`, '/remind schedule 2d,1d,0d at=00:00', '/remind list'];
    const { out, err } = await session(lines, { DATA_DIR: dataDir });
    expect(err).toBe('');
    expect(after(out, lines[0]!)).not.toContain('Schedule reminders');
    const reply = after(out, lines[1]!);
    const close = new RegExp(`- the end of \\w+, \\w+ \\d+ \\(${zone}\\): final tally`);
    expect(reply).toMatch(close);
    expect(reply).toContain('Already past when scheduled, so not posted:');
    const list = after(out, '/remind list');
    expect(list).toMatch(close);
    expect(out).not.toContain('## Reminder:');
  });

  it('stops with one line naming DATA_DIR when it is under a file', async () => {
    const file = join(dataDir, 'a-file');
    await writeFile(file, 'x');
    const { err, code } = await session([], { DATA_DIR: join(file, 'data') });
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('actionbot could not start: DATA_DIR:');
    expect(err).toContain('Set DATA_DIR to a folder the bot can write to.');
  });

  it('prints warnings as short lines, not JSON', async () => {
    const appeals = join(dataDir, 'appeals');
    await rm(appeals, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(appeals));
    await writeFile(join(appeals, 'broken.json'), '{ not json');
    const { err } = await session(['/help'], { DATA_DIR: dataDir, APPEALS_DIR: appeals });
    expect(err).toMatch(/^warn: appeal file skipped: not valid JSON/m);
    expect(err).not.toContain('{"level"');
  });
  it("words languages, restarts, /drive set and the report's count honestly", async () => {
    const start = `/drive start ua-34-25 deadline=${inDays(30)}`;
    const lines = ['/letter lang=es', start, '/acted email', '/drive set', '/report', '/drive end', `/drive start ua-34-25 deadline=${inDays(40)}`];
    const { out, err } = await session(lines, { DATA_DIR: dataDir });
    expect(err).toBe('');
    expect(after(out, '/letter lang=es')).toContain('Idioma preferido: Inglés');
    expect(after(out, '/drive set')).toContain('── only operator sees this ──\nNothing to change.');
    expect(after(out, '/report')).toContain('self-reported');
    expect(after(out, lines[6]!)).toContain("continues the appeal's count from earlier drives: 1 action by 1 member");
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionsCsv } from '../../src/commands/report.js';
import { csvLines, neutralizeCell } from '../../src/core/csv.js';
import { stripInvisibles } from '../../src/core/sanitize.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';

describe('CSV exports', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises a cell starting %j with a quote', (cell) => {
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary cells alone and quotes inside RFC 4180 quoting', () => {
    expect(neutralizeCell('2026-11-28T10:00:00.000Z')).toBe('2026-11-28T10:00:00.000Z');
    expect(neutralizeCell('telegram:-100200')).toBe('telegram:-100200');
    expect(csvLines([['=1,2', 'a"b', 'plain']])).toBe(`"'=1,2","a""b",plain\r\n`);
  });

  it('an audit row whose member key starts with - does not become a formula', () => {
    const csv = actionsCsv([{ at: '2026-11-28T10:00:00.000Z', space: 'shell:local', platform: 'shell', method: 'email', member: '-Ab3_x' }]);
    expect(csv.split('\r\n')[1]).toBe("member,2026-11-28T10:00:00.000Z,shell:local,shell,,email,1,'-Ab3_x,2026-11-28,");
  });
});

describe('member text posted in a space', () => {
  it('loses bidirectional overrides, isolates and invisible separators', () => {
    expect(stripInvisibles('Ana\u202Egpj.exe\u202C')).toBe('Anagpj.exe');
    expect(stripInvisibles('\u2066x\u2069\u200By\u2060z\uFEFF')).toBe('xyz');
  });

  it('keeps the joiners Persian and Indic names need', () => {
    const persian = 'می\u200Cخواهم';
    const devanagari = 'क्\u200Dष';
    expect(stripInvisibles(persian)).toBe(persian);
    expect(stripInvisibles(devanagari)).toBe(devanagari);
  });

  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it('a reminder message with a right-to-left override is posted without it', async () => {
    const say = typer(app.deps);
    const mod = { userId: 'mod', moderator: true };
    await say(mod, '/drive start ua-34-25 goal=5 deadline=2030-01-31');
    const reply = await say(mod, '/remind now "Write\u202E today\u200B please"');
    expect(reply.visibility).toBe('public');
    expect(reply.plain).toContain('Write today please');
    expect(reply.plain).not.toMatch(/[\u202E\u200B]/);
  });

  it('a remembered signature is stored without invisible controls, joiners kept', async () => {
    const say = typer(app.deps);
    await say({ userId: 'mod', moderator: true }, '/drive start ua-34-25 goal=5 deadline=2030-01-31');
    await say({ userId: 'sara' }, '/letter name="Sa\u202Era\u2066 Ne\u200Cda" town="Te\u200Bhran" remember=on');
    const stored = await app.deps.profiles.get(app.deps.memberKey('shell', 'sara'));
    expect(stored).toMatchObject({ name: 'Sara Ne\u200Cda', town: 'Tehran' });
  });
});

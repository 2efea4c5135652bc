import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { languageNamesIn } from '../../src/core/languages.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';

const mod = { userId: 'operator', moderator: true };
const ana = { userId: 'ana' };

describe('wording a member and a moderator can rely on', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;
  const inDays = (days: number) => new Date(app.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  beforeEach(async () => {
    app = await testApp();
    type = typer(app.deps);
  });
  afterEach(() => app.close());

  it("names the appeal's languages in the member's language", async () => {
    expect((await type(ana, '/letter ua-34-25 lang=es')).plain).toContain('Idioma preferido: Inglés');
    expect((await type(ana, '/letter ua-34-25')).plain).toContain('Preferred language: English');
    expect(languageNamesIn(['Spanish', 'Persian', 'Klingonese'], 'es')).toEqual(['Español', 'Persa', 'Klingonese']);
  });

  it('gives /remindme times with their time zone', async () => {
    await type(mod, `/drive start ua-34-25 deadline=${inDays(10)} timezone=Europe/Paris`);
    expect((await type(ana, '/remindme')).plain).toMatch(/I will remind you privately on .+ \(Europe\/Paris\)\./);
  });

  it("says a restarted drive continues the appeal's count", async () => {
    await type(mod, `/drive start ua-34-25 deadline=${inDays(10)}`);
    expect((await type(mod, `/drive start ua-34-25 deadline=${inDays(10)}`)).plain).toContain('already running');
    await type(ana, '/acted email');
    await type(mod, '/drive end');
    const again = await type(mod, `/drive start ua-34-25 deadline=${inDays(20)}`);
    expect(again.plain).toContain("This drive continues the appeal's count from earlier drives: 1 action by 1 member so far.");
  });

  it('explains /drive set without options privately, and posts nothing to the space', async () => {
    await type(mod, `/drive start ua-34-25 goal=10 deadline=${inDays(10)}`);
    const reply = await type(mod, '/drive set');
    expect(reply.visibility).toBe('private');
    expect(reply.plain).toContain('Nothing to change. Now: Deadline');
    expect(reply.plain).toContain('/drive set [goal=NUMBER] [deadline=YYYY-MM-DD]');
    expect((await type(mod, '/drive set goal=20')).visibility).toBe('public');
  });

  it('says in the report that actions are self-reported and counted per platform account', async () => {
    await type(mod, `/drive start ua-34-25 deadline=${inDays(10)}`);
    expect((await type(mod, '/report')).plain).toContain('Each is counted once per platform account, so one person acting from two platforms counts twice.');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { buttonCommand, typer } from '../support/invoke.js';

const mod = { userId: 'operator', moderator: true };
const ana = { userId: 'ana' };
const bob = { userId: 'bob' };

describe('a drive from the first command to the tally', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;

  beforeEach(async () => {
    app = await testApp();
    type = typer(app.deps);
  });
  afterEach(() => app.close());

  it('runs the README scenario: letter, two members acting, a refused /drive end, progress', async () => {
    expect((await type(mod, '/drive start ua-34-25 goal=10 deadline=2030-01-31')).plain).toContain('Drive started');
    const letter = await type(mod, '/letter name="Ana" town="Lyon"');
    expect(letter.visibility).toBe('private');
    expect(letter.plain).toContain('Dear Secretary Noem');
    expect(letter.plain).toMatch(/Yours sincerely,\n\s*Ana\n\s*Lyon/);
    expect((await type(mod, '/acted email')).plain).toContain('1 action by 1 member');
    expect((await type(bob, '/acted post')).plain).toContain('2 actions by 2 members');
    const refused = await type(bob, '/drive end');
    expect(refused.plain).toBe('Only moderators can use /drive end.');
    const progress = await type(bob, '/progress');
    expect(progress.visibility).toBe('public');
    expect(progress.plain).toContain('2 actions by 2 members (20% of the goal of 10)');
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 2, members: 2 });
  });

  it('records a button press from the letter once, however often it is pressed', async () => {
    await type(mod, '/drive start ua-34-25 deadline=2030-01-31');
    const letter = await type(ana, '/letter');
    const press = buttonCommand(letter, 'I emailed');
    expect(press).toMatch(/^\/acted email drive=\S+$/);
    await Promise.all([type(ana, press), type(ana, press), type(ana, press)]);
    expect((await type(ana, press)).plain).toContain('already counted');
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 1, members: 1, byMethod: { email: 1 } });
  });

  it('asks for the method instead of guessing when /acted has none', async () => {
    await type(mod, '/drive start ua-34-25 deadline=2030-01-31');
    const reply = await type(ana, '/acted');
    expect(reply.plain).toContain('How did you act?');
    expect(reply.buttons.map((b) => b.label)).toContain('I posted a letter');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(0);
  });

  it('takes back only the member own action with /undo', async () => {
    await type(mod, '/drive start ua-34-25 deadline=2030-01-31');
    await type(ana, '/acted email');
    await type(bob, '/acted email');
    expect((await type(ana, '/undo')).plain).toContain('Taken back: your email');
    expect((await type(ana, '/undo email')).plain).toContain('You have no email recorded');
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 1, members: 1 });
  });

  it('lets /letter and /appeal work without a drive and says none is running for the appeal', async () => {
    const letter = await type(ana, '/letter ua-34-25');
    expect(letter.plain).toContain('Dear Secretary Noem');
    expect(letter.buttons.filter((b) => b.type === 'action')).toEqual([]);
    expect((await type(ana, '/appeal ua-34-25')).plain).toContain('Secretary of Homeland Security');
    expect((await type(ana, '/letter')).plain).toContain('Dear Secretary Noem');
    expect((await type(ana, '/acted email')).plain).toContain('No drive is running here');
    expect((await type(ana, '/acted email ua-34-25')).plain).toContain('No drive for ua-34-25 is running here');
  });

  it('shows the expired appeal honestly and restarts it with a later deadline', async () => {
    expect((await type(mod, '/drive start ua-34-25')).plain).toContain('deadline (2025-07-01) has passed');
    expect((await type(ana, '/letter ua-34-25')).plain).toContain('has passed');
    expect((await type(mod, '/drive start ua-34-25 deadline=2026-12-31')).plain).toContain('Drive started');
    expect((await type(mod, '/drive start ua-34-25 deadline=2026-12-31')).plain).toContain('already running');
  });

  it('closes the drive at the end of the deadline day in its time zone', async () => {
    await type(mod, '/drive start ua-34-25 deadline=2026-11-30 timezone=America/New_York');
    app.clock.set('2026-12-01T04:59:00Z');
    expect((await type(ana, '/acted email')).plain).toContain('Thank you');
    app.clock.set('2026-12-01T05:00:00Z');
    expect((await type(bob, '/acted email')).plain).toContain('The drive for ua-34-25 here closed at the end of 2026-11-30');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it('forgets a member everywhere after one confirmation', async () => {
    await type(mod, '/drive start ua-34-25 deadline=2030-01-31');
    await type(ana, '/acted email');
    await type(ana, '/acted post');
    await type(bob, '/acted post');
    const ask = await type(ana, '/forgetme');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(3);
    expect((await type(ana, buttonCommand(ask, 'Delete everything'))).plain).toContain('2 actions deleted');
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 1, members: 1 });
    expect((await type(ana, '/privacy')).plain).toContain('No actions recorded');
    const rows = await app.deps.ledger.export('ua-34-25');
    expect(rows.map((r) => r.member)).toEqual([app.deps.memberKey('shell', 'bob')]);
  });

  it('reports the numbers with a CSV of pseudonymous rows to moderators only', async () => {
    await type(mod, '/drive start ua-34-25 deadline=2030-01-31');
    await type(ana, '/acted email');
    expect((await type(ana, '/report')).plain).toBe('Only moderators can use /report.');
    const report = await type(mod, '/report');
    const csv = new TextDecoder().decode(report.attachments[0]!.data);
    expect(csv.split('\r\n')[0]).toBe('kind,time,space,platform,appeal,method,count,member_key,date,note');
    expect(csv).toContain(`,shell:local,shell,ua-34-25,email,1,${app.deps.memberKey('shell', 'ana')},`);
    expect(csv.split('\r\n')[1]).toMatch(/^member,/);
    expect(csv).not.toContain('ana,');
  });

  it('answers in Spanish for a Spanish member and when lang=es is given', async () => {
    await type(mod, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    expect((await type({ userId: 'eva', locale: 'es-ES' }, '/acted email')).plain).toContain('¡Gracias!');
    expect((await type(ana, '/progress lang=es')).plain).toContain('1 acción de 1 persona');
  });
});

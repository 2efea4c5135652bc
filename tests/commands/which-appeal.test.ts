import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_APPEALS } from '../../src/app/app.js';
import { bilingualAppealsDir } from '../core/kit/fixtures.js';
import { testApp, type TestApp } from '../support/app.js';
import { buttonCommand, typer, unsigned } from '../support/invoke.js';

const mod = { userId: 'operator', moderator: true };
const ana = { userId: 'ana' };

describe('which appeal a command means when no drive runs', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('gives the letter of the only appeal there is', async () => {
    app = await testApp();
    const type = typer(app.deps);
    const letter = await type(ana, '/letter');
    expect(letter.plain).toContain('Dear Secretary Noem');
    expect(letter.plain).toContain('has passed');
    expect((await type(ana, '/appeal')).plain).toContain('Secretary of Homeland Security');
  });

  it('offers each known appeal as a button, and one press gives its letter', async () => {
    const dir = await bilingualAppealsDir();
    await copyFile(join(BUNDLED_APPEALS, 'ua-34-25.json'), join(dir, 'ua-34-25.json'));
    app = await testApp({ appealsDir: dir });
    const type = typer(app.deps);
    const choice = await type(ana, '/letter');
    expect(choice.visibility).toBe('private');
    expect(choice.plain).toContain('Which appeal?');
    expect(choice.buttons.map((b) => (b.type === 'action' ? unsigned(b.command) : ''))).toEqual(['letter ua-34-25', 'letter ua-99-26']);
    expect((await type(ana, buttonCommand(choice, /UA 99\.26/))).plain).toContain('Dear Attorney General');
    const appeal = await type(ana, '/appeal');
    expect(appeal.buttons.map((b) => (b.type === 'action' ? unsigned(b.command) : ''))).toEqual(['appeal ua-34-25', 'appeal ua-99-26']);
  });

  it('uses the running drive and offers no choice once a drive runs', async () => {
    const dir = await bilingualAppealsDir();
    await copyFile(join(BUNDLED_APPEALS, 'ua-34-25.json'), join(dir, 'ua-34-25.json'));
    app = await testApp({ appealsDir: dir });
    const type = typer(app.deps);
    await type(mod, `/drive start ua-99-26 deadline=${app.clock.now().getUTCFullYear() + 1}-01-31`);
    expect((await type(ana, '/letter')).plain).toContain('Dear Attorney General');
  });
});

describe('refusals that say the real reason', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('names an unknown appeal, an ended drive, a closed drive and no drive, each as such', async () => {
    app = await testApp();
    const type = typer(app.deps);
    expect((await type(mod, '/remind now appeal=nope')).plain).toBe('There is no appeal "nope". Known appeals: ua-34-25.');
    expect((await type(mod, '/remind list nope')).plain).toContain('There is no appeal "nope"');
    expect((await type(ana, '/undo')).plain).toBe('No drive is running here. A moderator can start one with /drive start.');
    expect((await type(ana, '/acted email ua-34-25')).plain).toContain('No drive for ua-34-25 is running here');
    await type(mod, '/drive start ua-34-25 deadline=2026-12-31');
    await type(ana, '/acted email');
    await type(mod, '/drive end');
    expect((await type(ana, '/undo')).plain).toBe('The drive for ua-34-25 here was ended by a moderator. Actions are no longer counted.');
    expect((await type(ana, '/acted email ua-34-25')).plain).toContain('was ended by a moderator');
    expect((await type(mod, '/remind now')).plain).toContain('was ended by a moderator');
    expect((await type(mod, '/drive set goal=5')).plain).toContain('was ended by a moderator');
    await type(mod, '/drive start ua-34-25 deadline=2026-12-01');
    app.clock.set('2026-12-02T00:00:00Z');
    expect((await type(ana, '/acted post')).plain).toContain('closed at the end of 2026-12-01');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle, type Invocation } from '../../src/commands/index.js';
import { translator } from '../../src/core/i18n/index.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText, type Button, type Reply } from '../../src/core/reply.js';
import { RecordingLogger } from '../support/logger.js';
import { testApp, type TestApp } from '../support/app.js';

const en = translator('en');
let app: TestApp;

async function say(line: string, userId = 'ana', options?: Record<string, string>): Promise<Reply & { plain: string }> {
  const [, name = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
  const invocation: Invocation = {
    name,
    text,
    options,
    actor: { platform: 'telegram', userId },
    space: { id: 'telegram:-100200', kind: 'group' },
    isModerator: async () => userId === 'mod',
  };
  const reply = await handle(invocation, app.deps, new RecordingLogger());
  return { ...reply, plain: replyToPlainText(reply, stripMarkdown) };
}

const body = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'copy' && b.label === en('letter_body') ? [b.text] : []))[0] ?? '';
const stored = (userId: string) => app.store.profiles.get(app.deps.memberKey('telegram', userId));
const button = (reply: Reply, label: string): Button => {
  const found = reply.buttons.find((b) => b.label === label);
  if (!found) throw new Error(`no button ${label}: ${reply.buttons.map((b) => b.label).join(', ')}`);
  return found;
};

describe('/letter remembers a signature only when asked', () => {
  beforeEach(async () => {
    app = await testApp();
    await say('/drive start ua-34-25 goal=50 deadline=2030-01-31', 'mod');
  });
  afterEach(() => app.close());

  it('stores nothing without remember=on', async () => {
    await say('/letter name="Ana" town="Lyon"');
    expect(await stored('ana')).toBeUndefined();
    expect(body(await say('/letter'))).not.toContain('Ana');
  });

  it('remembers with remember=on, under the member key only, and signs later letters with it', async () => {
    const saved = await say('/letter name="Ana" town="Lyon" country="France" opening=on remember=on');
    expect(saved.plain).toContain(en('letter_profile_saved', { profile: 'Ana, Lyon, France (opening line)' }));
    expect(await stored('ana')).toEqual({ name: 'Ana', town: 'Lyon', country: 'France', opening: true });
    const keys: string[] = [];
    for await (const [key] of app.store.kv.iterator!(undefined)) keys.push(String(key));
    // In the profiles table under the member key, not in a document, and never under the platform id.
    expect(keys.filter((k) => k.includes('profile'))).toEqual([]);
    expect(await app.store.profiles.get('ana')).toBeUndefined();

    const later = await say('/letter');
    expect(body(later)).toMatch(/^Lyon, France, /);
    expect(body(later)).toContain('I am writing to you from Lyon, France.');
    expect(body(later)).toMatch(/Yours sincerely,\nAna\nLyon, France$/);
    expect(later.plain).toContain(en('letter_profile_used', { profile: 'Ana, Lyon, France (opening line)' }));
    expect(body(await say('/letter', 'bob'))).not.toContain('Ana');
  });

  it('lets typed options override the saved profile for one letter, and remember=on change it', async () => {
    await say('/letter name="Ana" town="Lyon" remember=on');
    expect(body(await say('/letter town="Paris" opening=off'))).toMatch(/\nAna\nParis$/);
    expect(await stored('ana')).toEqual({ name: 'Ana', town: 'Lyon' });
    await say('/letter town="Paris" remember=on');
    expect(await stored('ana')).toEqual({ name: 'Ana', town: 'Paris' });
  });

  it('saves what a form submits through the "Personalise and remember" button', async () => {
    const first = await say('/letter');
    const form = button(first, en('button_personalise_remember'));
    expect(form.type).toBe('form');
    if (form.type !== 'form') return;
    expect(form.fields.map((f) => f.name)).toEqual(['name', 'town', 'country', 'opening']);
    const [name = '', ...words] = form.command.split(' ');
    const submitted = await say(`/${name} ${words.join(' ')}`, 'ana', { name: 'Ana', town: 'Lyon', country: '', opening: 'off' });
    expect(submitted.attachments).toHaveLength(2);
    expect(await stored('ana')).toEqual({ name: 'Ana', town: 'Lyon', opening: false });
    const change = button(submitted, en('button_change_signature'));
    expect(change.type === 'form' && change.fields[0]!.value).toBe('Ana');
  });

  it('forgets the profile with remember=off, the "Forget my signature" button or /forgetme', async () => {
    await say('/letter name="Ana" remember=on');
    const reply = await say('/letter');
    const forget = button(reply, en('button_forget_signature'));
    expect(forget.type).toBe('action');
    if (forget.type !== 'action') return;
    const [name = '', ...words] = forget.command.split(' ');
    expect((await say(`/${name} ${words.join(' ')}`)).plain).toContain(en('letter_profile_deleted'));
    expect(await stored('ana')).toBeUndefined();

    await say('/letter name="Ana" remember=on');
    await say('/forgetme yes');
    expect(await stored('ana')).toBeUndefined();
    expect(body(await say('/letter'))).not.toContain('Ana');
  });

  it('shows the saved signature in /privacy', async () => {
    expect((await say('/privacy')).plain).toContain(`${en('privacy_profile')}: ${en('privacy_no_profile')}`);
    await say('/letter name="Ana" town="Lyon" remember=on');
    expect((await say('/privacy')).plain).toContain(`${en('privacy_profile')}: Ana, Lyon`);
  });

  it('says there is nothing to remember when no signature was given', async () => {
    expect((await say('/letter remember=on')).plain).toContain(en('letter_profile_nothing'));
    expect(await stored('ana')).toBeUndefined();
  });
});

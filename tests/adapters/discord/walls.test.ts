import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityAppealId } from '../../../src/core/appeal-view.js';
import { deliveryClaims, dumpStore, floodClaims } from '../../support/store-dump.js';
import { autocomplete, button, customIds, GUILD, interact, readAnswer, slash, startHarness, textOf, type Harness, type Who } from './harness.js';

const HOSTILE = readFileSync('tests/fixtures/ua/ua-34-25.txt', 'utf8').replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, 'stranger@evil.example');
const MODERATOR: Who = { userId: '3000000000000000001', moderator: true };
const ANA: Who = { userId: '4000000000000000001' };
/** The admin of his own server (the bot being public), member of no other. */
const STRANGER: Who = { userId: '6600000000000000001', moderator: true, guild: '9900000000000000001', channel: '9900000000000000002' };
const REFUSED = 'does not work here';

describe('Discord: the admin of another server reaches into no other server', () => {
  let h: Harness;
  let driveId: string;
  let ids: { letter: string[]; post: string[] };
  const seen: string[] = [];
  const dump = () => {
    const ignored = floodClaims([h.app.deps.memberKey('discord', STRANGER.userId!)], h.app.clock.now());
    for (const key of deliveryClaims(seen)) ignored.add(key);
    return dumpStore(join(h.app.dataDir, 'test.sqlite'), ignored);
  };
  /** An interaction of the stranger's, whose de-duplication claim is his own bookkeeping. */
  const strangers = async (interaction: Record<string, unknown>) => {
    seen.push(`discord:interaction:${String(interaction.id)}`);
    return interact(h.fake, interaction);
  };

  beforeAll(async () => {
    h = await startHarness();
    const started = await interact(h.fake, slash('drive', { appeal: 'ua-34-25', goal: 500, deadline: '2030-01-31' }, MODERATOR, 'start'));
    driveId = (await h.app.deps.drives.listIn(`discord:${GUILD}/1000000000000000002`))[0]!.id;
    const letter = await interact(h.fake, slash('letter', {}, ANA));
    ids = { letter: customIds(letter.body), post: customIds(started.body) };
    await interact(h.fake, button(ids.letter.find((id) => id.startsWith('ab:acted email'))!, ANA));
  });
  afterAll(async () => h.close());

  it("presses the other server's buttons (its letter's, its posts') in his own server: one line each, nothing written", async () => {
    const before = dump();
    const tally = await h.app.deps.ledger.tally('ua-34-25');
    expect(tally.actions).toBe(1);
    for (const id of [...ids.letter, ...ids.post].filter((x) => x.startsWith('ab:'))) {
      const answer = await strangers(button(id, STRANGER));
      expect(textOf(answer.body), id).toContain(REFUSED);
    }
    // The command line alone, as the buttons carried it before: a drive id from another server.
    expect(textOf((await strangers(button(`ab:acted email drive=${driveId}`, STRANGER))).body)).toContain(REFUSED);
    expect(textOf((await strangers(button(`ab:remind schedule 7d,3d drive=${driveId}`, STRANGER))).body)).toContain(REFUSED);
    expect(dump()).toEqual(before);
    expect(await h.app.deps.ledger.tally('ua-34-25')).toEqual(tally);
  });

  it('gives his /report his own server only, with the totals and no other server named', async () => {
    await interact(h.fake, slash('drive', { appeal: 'ua-34-25', deadline: '2030-01-31' }, STRANGER, 'start'));
    await interact(h.fake, slash('acted', { method: 'post' }, STRANGER));
    const report = await interact(h.fake, slash('report', { appeal: 'ua-34-25' }, STRANGER));
    const text = textOf(report.body);
    expect(text).toContain('2 actions');
    expect(text).toContain(`discord:${STRANGER.guild}/${STRANGER.channel}`);
    expect(text).not.toContain(GUILD);
  });

  it("saves his paste-form import for his own server, and the other server's letter keeps the official's address", async () => {
    // The answer a member ends up reading: a slow import (a loaded machine) is deferred, then edited in.
    const preview = await readAnswer(h.fake, slash('import', { text: HOSTILE }, STRANGER));
    const save = customIds(preview.body).find((id) => id.startsWith('ab:import save='))!;
    const own = communityAppealId('ua-34-25', `discord:${STRANGER.guild}`);
    expect(textOf((await readAnswer(h.fake, button(save, STRANGER))).body)).toContain(`Saved ${own} for this community`);
    const letter = textOf((await interact(h.fake, slash('letter', {}, ANA))).body);
    expect(letter).not.toContain('stranger@evil.example');
    // The moderator of the first server cannot even see it.
    expect(textOf((await interact(h.fake, slash('drive', { appeal: own, deadline: '2030-01-31' }, MODERATOR, 'start'))).body)).toContain(`There is no appeal "${own}"`);
  });

  it("offers his server's own appeal in autocomplete there, and never in the other server", async () => {
    const own = communityAppealId('ua-34-25', `discord:${STRANGER.guild}`);
    const mine = await interact(h.fake, autocomplete('letter', 'appeal', 'ua-34', STRANGER));
    const theirs = await interact(h.fake, autocomplete('letter', 'appeal', 'ua-34', ANA));
    const values = (answer: { body?: Record<string, unknown> }) => ((answer.body?.data as { choices: Array<{ value: string }> }).choices ?? []).map((c) => c.value);
    expect(values(mine)).toEqual(expect.arrayContaining(['ua-34-25', own]));
    expect(values(theirs)).toEqual(['ua-34-25']);
  });

  it('makes nobody a moderator in a direct message', async () => {
    const answer = await strangers(slash('report', { appeal: 'ua-34-25' }, { ...STRANGER, dm: true }));
    expect(textOf(answer.body)).toContain('a private chat makes nobody a moderator');
  });
});

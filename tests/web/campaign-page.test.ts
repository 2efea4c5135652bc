import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPage } from '../../src/web/page/html.js';
import { loadView } from '../../src/web/page/view.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { addCampaignCases } from '../support/campaign.js';

const mod = { userId: 'volunteer', moderator: true };

describe("a campaign's drive page", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
    await addCampaignCases(app.deps, app.clock.now());
  });
  afterEach(() => app.close());

  it('shows each case with its members and its table letters, counts only: never a note', async () => {
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25,ua-1-26 goal=100 deadline=2030-01-31 page=on');
    await type(mod, '/drive set goal=20 case=2');
    await type({ userId: 'ana' }, '/acted email 2');
    await type({ userId: 'bob' }, '/acted post 2');
    await type({ userId: 'bob' }, '/acted post 1');
    await type(mod, '/tally add 37 post 2 note="Back room of the Blue Café"');
    const drive = (await app.deps.drives.resolve('shell:local'))!;
    const view = (await loadView(app.deps, drive.pageId!))!;
    expect(view.cases).toEqual([
      { number: 1, appealId: 'ua-34-25', title: 'Stop illegal expulsions to El Salvador', actions: 1, table: 0, goal: null },
      { number: 2, appealId: 'ua-1-26', title: 'Second case', actions: 2, table: 37, goal: 20 },
    ]);
    expect(view.table).toBe(37);
    expect(view.driveCount).toBe(3);
    expect(view.tally.actions).toBe(3);
    const html = renderPage(view, { link: (p) => `https://drives.example.org${p}`, embed: false });
    expect(html).toContain('<h1>UA 34.25, UA 1.26</h1>');
    expect(html).toContain('2. Second case</th><td>2</td><td>37</td>');
    expect(html).toContain('37 letters written at events');
    expect(html).not.toContain('Blue Café');
  });
});

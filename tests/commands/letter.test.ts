import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle, type Invocation } from '../../src/commands/index.js';
import { translator } from '../../src/core/i18n/index.js';
import { importUrgentAction } from '../../src/core/importer/index.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { MAX_BUTTON_DATA, replyToPlainText, type Reply } from '../../src/core/reply.js';
import { bilingualAppealsDir } from '../core/kit/fixtures.js';
import { readPdf } from '../core/kit/read-pdf.js';
import { RecordingLogger } from '../support/logger.js';
import { testApp, type TestApp } from '../support/app.js';

const en = translator('en');
let app: TestApp;

type Who = { userId?: string; platform?: string; locale?: string; moderator?: boolean };

async function say(line: string, who: Who = {}): Promise<Reply & { plain: string }> {
  const [, name = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
  const invocation: Invocation = {
    name,
    text,
    actor: { platform: who.platform ?? 'shell', userId: who.userId ?? 'ana', locale: who.locale },
    space: { id: 'shell:local', kind: 'group' },
    isModerator: async () => who.moderator === true,
  };
  const reply = await handle(invocation, app.deps, new RecordingLogger());
  return { ...reply, plain: replyToPlainText(reply, stripMarkdown) };
}

const startDrive = (appeal: string, deadline: string) => say(`/drive start ${appeal} goal=50 deadline=${deadline}`, { moderator: true });
const driveId = async () => (await app.deps.drives.openIn('shell:local'))[0]!.id;
const copy = (reply: Reply, label: string) => reply.blocks.flatMap((b) => (b.type === 'copy' && b.label === label ? [b.text] : []))[0] ?? '';
const recording = (reply: Reply) => reply.buttons.filter((b) => b.type === 'action' && b.command.startsWith('acted'));

describe('/letter on the bundled appeal', () => {
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it('advises post with 7 days left and email only with 6', async () => {
    await startDrive('ua-34-25', '2026-12-05');
    const week = await say('/letter');
    expect(week.plain).toContain(en('letter_advice_post'));
    expect(week.plain).not.toContain(en('letter_advice_email'));
    app.clock.set('2026-11-29T10:00:00Z');
    const six = await say('/letter');
    expect(six.plain).toContain(en('letter_advice_email'));
    expect(six.plain).not.toContain(en('letter_advice_post'));
    expect(recording(six).map((b) => b.label)).toContain(en('button_email'));
  });

  it('says a closed drive has closed and offers no button that records', async () => {
    await startDrive('ua-34-25', '2026-11-30');
    const id = await driveId();
    app.clock.set('2026-12-01T10:00:00Z');
    const reply = await say(`/letter drive=${id}`);
    expect(reply.plain).toMatch(/closed/i);
    expect(recording(reply)).toEqual([]);
    expect(copy(reply, en('letter_body'))).toContain('Dear Secretary Noem,');
  });

  it('attaches a printable PDF and an email draft named for the appeal', async () => {
    await startDrive('ua-34-25', '2030-01-31');
    const reply = await say('/letter name="Ana" town="Lyon"');
    expect(reply.attachments.map((a) => [a.name, a.mimeType])).toEqual([
      ['ua-34-25-letter.pdf', 'application/pdf'],
      ['ua-34-25-letter.eml', 'message/rfc822'],
    ]);
    const pdf = await readPdf(reply.attachments[0]!.data);
    expect(pdf.title).toBe('UA 34.25');
    expect(pdf.sizes[0]).toEqual([595, 842]);
    expect(pdf.pages[0]).toContain('2707 Martin Luther King Jr. Avenue, SE');
    expect(pdf.pages[0]).toContain('Ana');
    expect(pdf.pages[1]).toContain('Washington, DC 20528');
    const eml = Buffer.from(reply.attachments[1]!.data).toString('utf8');
    expect(eml).toMatch(/^To: dhssecretary@hq\.dhs\.gov\r\n/);
    expect(eml).toContain('X-Unsent: 1\r\n');
  });

  it('signs the PDF "Иван" from "Αθήνα", and says which characters it cannot print', async () => {
    const signed = await say('/letter ua-34-25 name="Иван" town="Αθήνα"');
    const pdf = await readPdf(signed.attachments[0]!.data);
    expect(pdf.pages[0]).toContain('Иван');
    expect(pdf.pages[0]).toContain('Αθήνα');
    expect(signed.plain).not.toContain('no font');
    const odd = await say('/letter ua-34-25 name="Ana 🜁"');
    expect(odd.plain).toContain('The PDF has no font for 🜁 (shown as ?)');
  });

  it('prints on US Letter for a member whose locale uses it', async () => {
    const reply = await say('/letter ua-34-25', { locale: 'en-US', platform: 'discord' });
    expect((await readPdf(reply.attachments[0]!.data)).sizes[0]).toEqual([612, 792]);
  });

  it('keeps Discord links within 512 characters and the whole letter in a copy block', async () => {
    await startDrive('ua-34-25', '2030-01-31');
    const reply = await say('/letter', { platform: 'discord', userId: '123456789012345678' });
    const links = reply.buttons.filter((b) => b.type === 'link');
    expect(links.map((b) => b.label)).toEqual([en('button_open_email'), en('button_open_gmail'), en('button_open_outlook')]);
    for (const link of links) expect(link.url.length).toBeLessThanOrEqual(512);
    expect(reply.plain).toContain(en('letter_links_short'));
    expect(copy(reply, en('letter_body'))).toContain('I urge you to immediately return');
    const shell = await say('/letter');
    expect(shell.buttons.some((b) => b.type === 'link' && b.url.includes('body='))).toBe(true);
    expect(shell.plain).not.toContain(en('letter_links_short'));
  });

  it('keeps every button command within 64 bytes', async () => {
    await startDrive('ua-34-25', '2030-01-31');
    const reply = await say('/letter name="Ana" remember=on');
    for (const button of reply.buttons) {
      if (button.type !== 'link') expect(Buffer.byteLength(button.command)).toBeLessThanOrEqual(MAX_BUTTON_DATA);
    }
  });
});

describe('/letter on an appeal with several targets and languages', () => {
  beforeEach(async () => {
    app = await testApp({ appealsDir: await bilingualAppealsDir() });
  });
  afterEach(() => app.close());

  it('writes to the chosen target by number or by a word of its name, and lists the copies', async () => {
    const first = await say('/letter ua-99-26');
    expect(first.plain).toContain('1. Fiscal General; 2. Minister of Justice');
    expect(copy(first, en('letter_address'))).toContain('Sra. Ana Núñez');
    expect(copy(first, en('letter_copies'))).toContain('Embassy of Costa Rica, Ambassador, embassy@example.org, consul@example.org');
    const second = await say('/letter ua-99-26 target=2');
    expect(copy(second, en('letter_address'))).toContain('Mr. John Minister');
    expect(copy(second, en('letter_body'))).toContain('Dear Minister of Justice,');
    expect(copy(await say('/letter ua-99-26 target=minister'), en('letter_address'))).toContain('1 Justice Road');
    expect((await say('/letter ua-99-26 target=7')).plain).toContain(en('no_such_target', { value: '7', count: 2 }));
  });

  it('gives the letter in the language asked for and shows the preferred languages', async () => {
    const english = await say('/letter ua-99-26');
    expect(english.plain).toContain(en('letter_languages', { languages: 'Spanish, English' }));
    const spanish = await say('/letter ua-99-26 lang=es name="Zoë" town="Lyon" opening=on');
    const body = copy(spanish, translator('es')('letter_body'));
    expect(body).toContain('Estimada Fiscal General:');
    expect(body).toContain('Le escribo desde Lyon.');
    expect(body).toContain('Le escribo por la detención de María José Peña.');
    expect(body).toMatch(/Atentamente,\nZoë\nLyon$/);
    const pdf = await readPdf(spanish.attachments[0]!.data);
    expect(pdf.pages[0]).toContain('Le escribo por la detención de María José Peña.');
    expect(Buffer.from(spanish.attachments[1]!.data).toString('utf8')).toContain('Cc: embassy@example.org, consul@example.org');
  });
});

/**
 * UA 170/20 (Zhang Zhan): the English letter and address as Amnesty USA's page gives them, with the French letter
 * the importer reads from the corpus's real French repost of the same action (fr-2020-china-lef-online-zhang-zhan).
 */
async function zhangZhanAppealsDir(): Promise<string> {
  const french = await readFile(new URL('../fixtures/ua/corpus/fr-2020-china-lef-online-zhang-zhan.txt', import.meta.url), 'utf8');
  const imported = importUrgentAction(french);
  if (!imported.ok) throw new Error(imported.message);
  const appeal = {
    id: 'ua-170-20',
    reference: 'UA 170/20',
    title: 'COVID-19 journalist hospitalized, grave concerns',
    targets: [{ name: 'Director Chen Jianhua', title: 'Director of Shanghai Women’s Prison', address: ['No 1601, Zhangjing Road, Sijing Zhen, Songjiang Qu', 'Shanghai 201601', 'People’s Republic of China'] }],
    letter: {
      lang: 'en',
      salutation: 'Dear Director Chen:',
      paragraphs: ['I am writing to express grave concern for the life of citizen journalist Zhang Zhan (张展), whose health has deteriorated so dramatically over the last months that she has recently required hospitalization.'],
      closing: 'Yours sincerely,',
    },
    translations: [imported.appeal.letter],
    deadline: '2026-12-27',
  };
  const dir = join(await mkdtemp(join(tmpdir(), 'actionbot-appeals-')), 'appeals');
  await mkdir(dir);
  await writeFile(join(dir, 'ua-170-20.json'), JSON.stringify(appeal));
  return dir;
}

describe('/letter lang= in a language the bot has no catalog for', () => {
  beforeEach(async () => {
    app = await testApp({ appealsDir: await zhangZhanAppealsDir() });
  });
  afterEach(() => app.close());

  it('gives the French letter, with its salutation and subject, and the bot\'s words in English', async () => {
    const reply = await say('/letter ua-170-20 lang=fr');
    const body = copy(reply, en('letter_body'));
    expect(body).toContain('Monsieur le Procureur général,');
    expect(body).toContain('Je vous écris pour vous faire part de ma profonde inquiétude pour la journaliste citoyenne Zhang Zhan');
    expect(body).not.toContain('Dear Director Chen');
    expect(copy(reply, en('letter_subject'))).toContain('Zhang Zhan');
    expect(body).toContain('28 novembre 2026');
    const pdf = await readPdf(reply.attachments[0]!.data);
    expect(pdf.pages[0]).toContain('Monsieur le Procureur général,');
  });

  it('answers a Spanish member in Spanish around the French letter', async () => {
    const reply = await say('/letter ua-170-20 lang=fr', { locale: 'es' });
    expect(copy(reply, translator('es')('letter_body'))).toContain('Monsieur le Procureur général,');
  });

  it('lists the languages the appeal has when asked for one it lacks, and writes nothing', async () => {
    const reply = await say('/letter ua-170-20 lang=de');
    expect(reply.plain).toContain(en('letter_no_translation', { lang: 'de', languages: 'en, fr', appeal: 'ua-170-20', first: 'en' }));
    expect(reply.attachments).toEqual([]);
  });

  it('refuses a value that is no language code with the usual message', async () => {
    const reply = await say('/letter ua-170-20 lang=français!');
    expect(reply.plain).toContain(en('expect_language'));
  });
});

describe('/letter and /appeal of an appeal imported without a UA number', () => {
  beforeEach(async () => {
    const imported = importUrgentAction(
      'Azione urgente: Mario Esempio rischia la tortura\n\nScrivi al Ministro della Giustizia entro il 24 gennaio 2027.\n\nMinistro della Giustizia\nOn. Carla Bianchi\nVia Arenula 70\n00186 Roma\nEmail: ministro@giustizia.example.it\n\nGentile Ministra,\n\nLe scrivo per chiedere il rilascio immediato di Mario Esempio, detenuto senza accusa.\n\nDistinti saluti\n',
    );
    if (!imported.ok) throw new Error(imported.message);
    const dir = join(await mkdtemp(join(tmpdir(), 'actionbot-appeals-')), 'appeals');
    await mkdir(dir);
    await writeFile(join(dir, `${imported.appeal.id}.json`), JSON.stringify({ ...imported.appeal, draft: false }));
    app = await testApp({ appealsDir: dir });
  });
  afterEach(() => app.close());

  it('heads the letter and the case with the title once, not "title: title"', async () => {
    const title = 'Mario Esempio rischia la tortura';
    for (const command of ['/letter mario-esempio-rischia-la-tortura', '/appeal mario-esempio-rischia-la-tortura']) {
      const reply = await say(command);
      expect(reply.blocks[0]).toEqual({ type: 'heading', text: title });
      expect(reply.plain).not.toContain(`${title}: ${title}`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { emlDraft, encodeHeaderText, quotedPrintable } from '../../../src/core/kit/eml.js';
import { renderLetter } from '../../../src/core/letter.js';
import { bilingualAppeal } from './fixtures.js';

/** A small reader for what emlDraft writes: unfolded headers, RFC 2047 Q words, quoted-printable. */
function parseEml(source: string): { headers: Map<string, string>; body: string } {
  const [head = '', ...rest] = source.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const field of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = field.indexOf(':');
    headers.set(field.slice(0, colon).toLowerCase(), decodeWords(field.slice(colon + 1).trim()));
  }
  return { headers, body: decodeQp(rest.join('\r\n\r\n')) };
}

function decodeWords(value: string): string {
  // Whitespace between adjacent encoded-words is not part of the text (RFC 2047 section 6.2).
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, text: string) => bytesToText(text.replace(/_/g, ' ')));
}

function decodeQp(text: string): string {
  return bytesToText(text.replace(/=\r\n/g, '')).replace(/\r\n$/, '');
}

function bytesToText(escaped: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '=' && /^[0-9A-F]{2}$/.test(escaped.slice(i + 1, i + 3))) {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(escaped[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const now = new Date('2026-11-28T10:00:00Z');

describe('emlDraft', () => {
  const letter = renderLetter(bilingualAppeal(), { sender: { name: 'Zoë', town: 'Lyon' }, now, timezone: 'UTC' });
  const eml = emlDraft(letter, { now });

  it('addresses the target, copies the copy recipients and encodes a non-ASCII subject', () => {
    const { headers } = parseEml(eml);
    expect(headers.get('to')).toBe('fiscal@example.org');
    expect(headers.get('cc')).toBe('embassy@example.org, consul@example.org');
    expect(headers.get('subject')).toBe('UA 99.26: Free María José “Majo” Peña');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
    expect(headers.get('x-unsent')).toBe('1');
    expect(headers.get('mime-version')).toBe('1.0');
    expect(headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(headers.get('content-transfer-encoding')).toBe('quoted-printable');
    expect(headers.get('date')).toBe('Sat, 28 Nov 2026 10:00:00 +0000');
    expect(headers.has('from')).toBe(false);
  });

  it('carries the letter as the body, signature included', () => {
    const { body } = parseEml(eml);
    expect(body.replace(/\r\n/g, '\n')).toBe(letter.emailBody);
    expect(body).toContain('María José Peña’s detention');
    expect(body).toMatch(/Yours sincerely,\r\nZoë\r\nLyon$/);
  });

  it('ends lines with CRLF and keeps them within 78 characters', () => {
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(Buffer.from(eml, 'utf8').length).toBe(eml.length);
  });

  it('folds a long recipient list', () => {
    const many = { ...letter, emails: Array.from({ length: 8 }, (_, i) => `official.number${i}@ministry.example.org`) };
    const { headers } = parseEml(emlDraft(many, { now }));
    expect(headers.get('to')).toBe(many.emails.join(', '));
    for (const line of emlDraft(many, { now }).split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });
});

describe('quotedPrintable', () => {
  it('round-trips long lines, trailing spaces, equals signs and multibyte text at any length', () => {
    for (const text of ['a'.repeat(200), 'ends with space ', 'x=y '.repeat(40), `${'é'.repeat(60)}\n\n${'ü”'.repeat(33)}`, '=\t']) {
      const encoded = quotedPrintable(text);
      for (const line of encoded.split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).not.toMatch(/[ \t]$/);
      }
      expect(decodeQp(encoded).replace(/\r\n/g, '\n')).toBe(text);
    }
  });
});

describe('encodeHeaderText', () => {
  it('leaves short ASCII alone and splits long UTF-8 into words of at most 75 characters', () => {
    expect(encodeHeaderText('UA 34.25: Stop')).toBe('UA 34.25: Stop');
    const long = 'Libertad para María José Peña y para todas las personas detenidas en la protesta';
    const encoded = encodeHeaderText(long, 9);
    for (const word of encoded.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(encoded.replace(/\r\n /g, ' '))).toBe(long);
  });
});

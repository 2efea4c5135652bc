import { describe, expect, it } from 'vitest';
import { LINK_URL_LIMITS, mailLinksWithin, urlLimitFor } from '../../../src/core/kit/webmail.js';
import { renderLetter } from '../../../src/core/letter.js';
import { bilingualAppeal } from './fixtures.js';

const now = new Date('2026-11-28T10:00:00Z');
const letter = renderLetter(bilingualAppeal(), { sender: { name: 'Zoë' }, now, timezone: 'UTC' });

function query(url: string): URLSearchParams {
  return new URLSearchParams(url.slice(url.indexOf('?') + 1));
}

describe('mailLinksWithin', () => {
  it('gives mailto, Gmail and Outlook links with the whole letter when there is room', () => {
    const links = mailLinksWithin(letter, Number.POSITIVE_INFINITY);
    expect(links.map((l) => l.client)).toEqual(['mailto', 'gmail', 'outlook']);
    expect(links.every((l) => l.full)).toBe(true);
    const [mailto, gmail, outlook] = links.map((l) => l.url) as [string, string, string];
    expect(mailto.startsWith('mailto:fiscal@example.org?')).toBe(true);
    expect(query(mailto).get('body')).toBe(letter.emailBody);
    expect(query(mailto).get('cc')).toBe('embassy@example.org,consul@example.org');
    expect(gmail.startsWith('https://mail.google.com/mail/?view=cm&fs=1&')).toBe(true);
    expect(query(gmail).get('to')).toBe('fiscal@example.org');
    expect(query(gmail).get('su')).toBe(letter.subject);
    expect(query(gmail).get('body')).toBe(letter.emailBody);
    expect(outlook.startsWith('https://outlook.live.com/mail/0/deeplink/compose?')).toBe(true);
    expect(query(outlook).get('subject')).toBe(letter.subject);
    expect(query(outlook).get('cc')).toBe('embassy@example.org,consul@example.org');
  });

  it('keeps every link within each platform limit, dropping the body before dropping the link', () => {
    for (const limit of [LINK_URL_LIMITS.discord, LINK_URL_LIMITS.slack, LINK_URL_LIMITS.telegram]) {
      const links = mailLinksWithin(letter, limit);
      expect(links).toHaveLength(3);
      for (const link of links) {
        expect(link.url.length).toBeLessThanOrEqual(limit);
        expect(query(link.url).has('body')).toBe(link.full);
      }
    }
  });

  it('falls back to subject and recipients when the letter is too long for the limit', () => {
    const long = { ...letter, emailBody: 'x'.repeat(3000) };
    const links = mailLinksWithin(long, 512);
    expect(links.map((l) => l.full)).toEqual([false, false, false]);
    expect(query(links[1]!.url).get('su')).toBe(letter.subject);
  });

  it('leaves out a link even its short form cannot fit, and has none without an email address', () => {
    const crowded = { ...letter, ccEmails: Array.from({ length: 30 }, (_, i) => `copy${i}@embassy.example.org`) };
    expect(mailLinksWithin(crowded, 512)).toEqual([]);
    expect(mailLinksWithin({ ...letter, emails: [] }, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});

describe('urlLimitFor', () => {
  it('knows each platform and takes the smallest limit for an unknown one', () => {
    expect(urlLimitFor('discord')).toBe(512);
    expect(urlLimitFor('slack')).toBe(3000);
    expect(urlLimitFor('shell')).toBe(Number.POSITIVE_INFINITY);
    expect(urlLimitFor('matrix')).toBe(512);
  });
});

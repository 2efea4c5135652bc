import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, downloadText } from '../../src/adapters/download.js';

let server: Server;
let base = '';
beforeAll(async () => {
  // No content-length on /endless: the cap must hold on the bytes actually read.
  server = createServer((req, res) => {
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const more = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100) res.once('drain', more);
        else res.end();
      };
      res.on('close', () => (sent = 100));
      return more();
    }
    if (req.url === '/ok') return res.writeHead(200).end('Dear Minister,\nYours sincerely');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('downloading a member\'s file for /import', () => {
  it('returns the text of a small file', async () => {
    expect(await downloadText(`${base}/ok`)).toBe('Dear Minister,\nYours sincerely');
  });

  it('stops reading a body without content-length as soon as it passes the cap', async () => {
    await expect(downloadText(`${base}/endless`, 200_000)).rejects.toMatchObject({ code: 'import_file_too_large' });
  });

  it('says the download failed on an HTTP error', async () => {
    await expect(downloadText(`${base}/missing`)).rejects.toMatchObject({ code: 'import_file_download_failed', params: { problem: 'HTTP 404' } });
  });

  it('decodes UTF-8 (BOM dropped), UTF-16 with a BOM, and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFAcción', 'utf8'))).toBe('Acción');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Acción “UA”', 'utf16le')]))).toBe('Acción “UA”');
    expect(decodeText(Buffer.from([0x41, 0x63, 0x63, 0x69, 0xf3, 0x6e, 0x20, 0x93, 0x55, 0x41, 0x94]))).toBe('Acción “UA”');
  });
});

// One `actionbot report APPEAL --csv` as an operator runs it, stdout into a file; prints its time and peak RSS.
import { openSync, writeSync, closeSync } from 'node:fs';
import { cli } from '../src/cli.js';

const [appealId, outFile] = process.argv.slice(2) as [string, string];
const fd = openSync(outFile, 'w');
const started = performance.now();
const code = await cli(['report', appealId, '--csv'], { out: (s) => void writeSync(fd, s), err: (s) => void process.stderr.write(s), env: process.env });
const ms = performance.now() - started;
closeSync(fd);
process.stdout.write(`${JSON.stringify({ code, ms, max_rss_bytes: process.resourceUsage().maxRSS * 1024 })}\n`);

// One `actionbot report APPEAL --csv` as an operator runs it: the compiled bundle (`npm run bench`
// builds it first), plain Node without tsx, stdout into a file. Prints the time from the process
// start (loading included) and the peak RSS.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const [appealId, outFile] = process.argv.slice(2);
const { cli } = await import('../dist/cli.js');
const fd = openSync(outFile, 'w');
const code = await cli(['report', appealId, '--csv'], { out: (s) => void writeSync(fd, s), err: (s) => void process.stderr.write(s), env: process.env });
closeSync(fd);
process.stdout.write(`${JSON.stringify({ code, ms: performance.now(), max_rss_bytes: peakRssBytes() })}\n`);

/**
 * This process's own peak: VmHWM belongs to the memory of the program it runs now. getrusage's
 * maxRSS is kept across exec, so a child spawned by a large parent reports the parent's size.
 */
function peakRssBytes() {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kb) return Number(kb[1]) * 1024;
  } catch {
    // Not Linux: the rusage figure, with its caveat.
  }
  return process.resourceUsage().maxRSS * 1024;
}

// Where the logs go: standard error, written so that a closed or full pipe never stops the bot
// (SIGTERM still exits).
import { writeSync } from 'node:fs';

/** How long one line may wait for a full pipe to drain before it is dropped. */
const FULL_PIPE_WAIT_MS = 1000;
const SLEEP_MS = 5;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Where pino writes on platforms: file descriptor 2, synchronously (a line is out before the process
 * can die), but never for ever. pino's own destination retries a failed write without end when it
 * flushes at exit: with its reader gone (a supervisor killed), standard error answers EPIPE, and
 * SIGTERM never stopped the bot. Here a descriptor that fails is given up, and a full pipe is waited
 * for a second per line at most; lines are then dropped rather than the bot held.
 */
export function stderrDestination(fd = 2): { write(line: string): void; readonly broken: boolean } {
  let broken = false;
  return {
    get broken() {
      return broken;
    },
    write(line: string) {
      if (broken) return;
      const bytes = Buffer.from(line, 'utf8');
      let written = 0;
      let waited = 0;
      while (written < bytes.length) {
        try {
          written += writeSync(fd, bytes, written, bytes.length - written);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN' && waited < FULL_PIPE_WAIT_MS) {
            Atomics.wait(sleeper, 0, 0, SLEEP_MS);
            waited += SLEEP_MS;
            continue;
          }
          // EPIPE, EBADF, EIO: nobody reads any more. A full pipe: this line is dropped.
          if (code !== 'EAGAIN') broken = true;
          return;
        }
      }
    },
  };
}

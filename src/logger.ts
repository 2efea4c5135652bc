import pino from 'pino';

/** pino to standard error, so that the shell's replies on standard output stay clean. */
export function createLogger(level: string): pino.Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

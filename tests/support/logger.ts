import type { Logger } from '../../src/commands/index.js';

export type LogEntry = { level: 'error' | 'warn' | 'info'; context: object; message: string };

/** A logger that keeps what it was told, so tests can check that failures are logged, not swallowed. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];

  error(context: object, message: string): void {
    this.entries.push({ level: 'error', context, message });
  }

  warn(context: object, message: string): void {
    this.entries.push({ level: 'warn', context, message });
  }

  info(context: object, message: string): void {
    this.entries.push({ level: 'info', context, message });
  }

  // pino-style child loggers share the same record.
  child(): RecordingLogger {
    return this;
  }
}

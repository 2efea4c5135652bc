import { join } from 'node:path';
import { createApp, BUNDLED_APPEALS } from './app.js';
import { parseConfig, type Config } from './config.js';
import { ActionbotError } from './core/errors.js';
import { createLogger } from './logger.js';
import { runShell } from './adapters/shell/index.js';

/** Composition root: config -> logger -> store -> core services -> commands -> adapters. */
export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config: Config = parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...env });
  const platforms = [config.discord, config.telegram, config.slack].filter(Boolean);
  const logger = createLogger(platforms.length === 0 && env.LOG_LEVEL === undefined ? 'warn' : config.logLevel);
  const app = await createApp(config);
  for (const problem of app.problems) logger.warn({ path: problem.path }, `appeal file skipped: ${problem.message}`);

  if (platforms.length === 0) {
    await runShell({
      deps: app.deps,
      logger,
      input: process.stdin,
      output: process.stdout,
      outboxDir: join(config.dataDir, 'outbox'),
      interactive: Boolean(process.stdin.isTTY),
    });
    await app.close();
  }
}

const entry = process.argv[1] ?? '';
if (/main\.[jt]s$/.test(entry)) {
  main().catch((error: unknown) => {
    const message = error instanceof ActionbotError ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`actionbot could not start: ${message}\n`);
    process.exit(1);
  });
}

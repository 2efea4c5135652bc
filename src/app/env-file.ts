// `.env` in the folder the bot starts from: copying `.env.example` to `.env` and filling it in is
// enough, with no process manager or shell to export the variables.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError } from '../core/errors.js';
import { FILE_PROBLEM_WORDS, fileProblem } from '../core/file-problem.js';

/**
 * Adds the variables `path` sets to `env`, except those the environment already has (a variable
 * given to the process, by a container, a systemd unit or the shell, wins over the file) and those
 * left empty. A missing file is not an error; an unreadable one stops the start. Returns the names added.
 */
export function loadEnvFile(env: Record<string, string | undefined>, path = '.env'): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(path, FILE_PROBLEM_WORDS[fileProblem(error)]);
  }
  const added: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    // `NAME=` as .env.example writes it means "not set": the default applies, as without the line.
    if (env[name] !== undefined || value === undefined || value.trim() === '') continue;
    env[name] = value;
    added.push(name);
  }
  return added;
}

/** `env` with `.env` loaded into it; the same object, for a call such as `main(withEnvFile(env))`. */
export function withEnvFile<E extends Record<string, string | undefined>>(env: E, path = '.env'): E {
  loadEnvFile(env, path);
  return env;
}

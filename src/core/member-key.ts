// Member keys: HMAC-SHA256 of platform ids with the secret, and loading and checking that secret.
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { ConfigError } from './errors.js';
import { isReallyInside, makePrivateDir } from './private-files.js';

/**
 * Members are stored only as HMAC-SHA256(secret, "platform:userId"): the same person gets the same
 * key in every drive, and nobody holding the store alone can turn a key back into an account.
 */
export type MemberKeyer = (platform: string, userId: string) => string;

export function memberKeyer(secret: string): MemberKeyer {
  // The key prepared once (a string key is converted again on every call, and every command keys its member).
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return (platform, userId) => createHmac('sha256', key).update(`${platform}:${userId}`).digest('base64url');
}

/** A new secret must have at least this many bytes; an existing one at least `MIN_EXISTING_BYTES`. */
export const MIN_SECRET_BYTES = 32;
export const MIN_EXISTING_BYTES = 16;
export const SECRET_FILE = 'member-key.secret';

/** The secret and where it came from, named in every message about it. */
export type LoadedSecret = { secret: string; source: string };

export type SecretOptions = { dataDir: string; configured?: string; file?: string };

/**
 * The secret from `MEMBER_KEY_SECRET`, from `MEMBER_KEY_SECRET_FILE`, or from the data folder, where
 * one is generated once (32 random bytes, mode 0600) when there is none. Anything shorter than 16
 * bytes stops the start: an empty secret makes member keys anyone can compute from a platform id.
 */
export async function loadSecret(options: SecretOptions): Promise<LoadedSecret> {
  if (options.configured !== undefined) return checked({ secret: options.configured, source: 'MEMBER_KEY_SECRET' });
  if (options.file !== undefined && (await isReallyInside(options.file, options.dataDir))) {
    // The configuration check compares the paths as written; a link elsewhere into the folder passes it.
    throw new ConfigError('MEMBER_KEY_SECRET_FILE', `must be outside DATA_DIR (${options.dataDir}), also once links are followed: whoever copies the data folder must not get the secret with it`);
  }
  if (options.file !== undefined) return checked({ secret: await readSecretFile(options.file, 'MEMBER_KEY_SECRET_FILE'), source: `MEMBER_KEY_SECRET_FILE (${options.file})` });
  const path = join(options.dataDir, SECRET_FILE);
  const existing = await readSecretFile(path, 'DATA_DIR').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined) return checked({ secret: existing, source: path });
  await makePrivateDir(options.dataDir);
  const secret = randomBytes(MIN_SECRET_BYTES).toString('base64url');
  // 'wx' so that two processes starting at once cannot each write a different secret.
  try {
    await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, source: path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return checked({ secret: await readSecretFile(path, 'DATA_DIR'), source: path });
    throw error;
  }
}

async function readSecretFile(path: string, variable: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && variable === 'DATA_DIR') throw error;
    throw new ConfigError(variable, `cannot read the member-key secret at ${path} (${code ?? 'error'})`);
  }
}

function checked(loaded: LoadedSecret): LoadedSecret {
  const bytes = Buffer.byteLength(loaded.secret, 'utf8');
  if (bytes < MIN_EXISTING_BYTES) {
    throw new ConfigError(variableOf(loaded.source), `the member-key secret from ${loaded.source} has ${bytes} bytes; it needs at least ${MIN_SECRET_BYTES}`);
  }
  return loaded;
}

const variableOf = (source: string) => (source.startsWith('MEMBER_KEY_SECRET') ? source.split(' ')[0]! : 'DATA_DIR');

const CHECK_KEY = 'member-key:check';

/**
 * Ties the store to its secret by a fingerprint (an HMAC of a constant, which tells nothing about
 * the secret). A store keyed before keeps its secret: a new one would count every member twice. A
 * secret the store has not seen must have 32 bytes; one of 16-31 bytes the store already uses keeps
 * working, with the warning this returns. A store used before fingerprints existed (it has drives)
 * adopts the secret it is opened with.
 */
export async function checkSecretAgainstStore(kv: Keyv, loaded: LoadedSecret, hasDrives: () => Promise<boolean>): Promise<string | undefined> {
  const fingerprint = createHmac('sha256', loaded.secret).update('actionbot member-key check').digest('base64url');
  const stored = (await kv.get(CHECK_KEY)) as string | undefined;
  const bytes = Buffer.byteLength(loaded.secret, 'utf8');
  if (stored !== undefined && stored !== fingerprint) {
    throw new ConfigError(variableOf(loaded.source), `the member-key secret from ${loaded.source} is not the one this store was keyed with; changing it would count every member twice`);
  }
  const inUse = stored !== undefined || (await hasDrives());
  if (bytes < MIN_SECRET_BYTES && !inUse) {
    throw new ConfigError(variableOf(loaded.source), `a new member-key secret needs at least ${MIN_SECRET_BYTES} bytes; the one from ${loaded.source} has ${bytes}`);
  }
  if (stored === undefined) await kv.set(CHECK_KEY, fingerprint);
  if (bytes < MIN_SECRET_BYTES) return `the member-key secret from ${loaded.source} has ${bytes} bytes (32 are recommended); it is kept because this store's members are keyed with it`;
  return undefined;
}

/**
 * A direct-message space whose id is the member's own platform id (a Telegram private chat) is
 * named by the member key instead, so that nothing stored under a space (a drive started there)
 * holds the id. Other spaces are unchanged.
 */
export function pseudonymousSpace<S extends { id: string }>(space: S, actor: { platform: string; userId: string }, keyer: MemberKeyer): S {
  if (space.id !== `${actor.platform}:${actor.userId}`) return space;
  return { ...space, id: `${actor.platform}:member-${keyer(actor.platform, actor.userId)}` };
}

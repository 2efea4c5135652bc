import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Members are stored only as HMAC-SHA256(secret, "platform:userId"): the same person gets the same
 * key in every drive, and nobody holding the store alone can turn a key back into an account.
 */
export type MemberKeyer = (platform: string, userId: string) => string;

export function memberKeyer(secret: string): MemberKeyer {
  return (platform, userId) => createHmac('sha256', secret).update(`${platform}:${userId}`).digest('base64url');
}

const SECRET_FILE = 'member-key.secret';

/** The configured secret, or one generated once into the data folder (mode 0600) and reused. */
export async function loadOrCreateSecret(dataDir: string, configured?: string): Promise<string> {
  if (configured) return configured;
  const path = join(dataDir, SECRET_FILE);
  try {
    const existing = (await readFile(path, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx' so that two processes starting at once cannot each write a different secret.
  try {
    await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(path, 'utf8')).trim();
    throw error;
  }
}

/** What went wrong with a path, from Node's error code: said in words, never as EISDIR or ENOENT. */
export type FileProblem = 'missing' | 'folder' | 'under_file' | 'denied' | 'read_only' | 'full' | 'other';

const BY_CODE: Record<string, FileProblem> = {
  ENOENT: 'missing',
  EISDIR: 'folder',
  ENOTDIR: 'under_file',
  EEXIST: 'under_file',
  EACCES: 'denied',
  EPERM: 'denied',
  EROFS: 'read_only',
  ENOSPC: 'full',
  EDQUOT: 'full',
};

export function fileProblem(error: unknown): FileProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && BY_CODE[code]) || 'other';
}

/** English, for operators' one-line messages (the CLI, start-up). Members get the catalog's `file_*` messages. */
export const FILE_PROBLEM_WORDS = {
  missing: 'does not exist',
  folder: 'is a folder, not a file',
  under_file: 'is inside a file, not a folder',
  denied: 'permission denied',
  read_only: 'is on a read-only file system',
  full: 'no space left on the device',
  other: 'cannot be used',
} as const satisfies Record<FileProblem, string>;

/** "data/x: permission denied", with the system's own words added only when we have none better. */
export function describeFileError(error: unknown, path: string): string {
  const problem = fileProblem(error);
  if (problem !== 'other') return `${path}: ${FILE_PROBLEM_WORDS[problem]}`;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `${path}: ${FILE_PROBLEM_WORDS.other} (${message})`;
}

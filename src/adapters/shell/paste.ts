/**
 * A long Urgent Action pasted into the terminal arrives as many lines, and each would run as a command
 * ("Commands start with a slash"). `/import` alone on a line starts a paste instead: the lines that follow
 * are kept as written until a line that holds a single "."; then they are imported as one text. Every other
 * line passes through unchanged. The end of the input ends a paste too, so a piped file is imported whole.
 */
export type PasteStep =
  | { kind: 'line'; line: string }
  | { kind: 'started' }
  | { kind: 'held' }
  | { kind: 'pasted'; command: string; text: string; lines: number };

/** The commands that take a pasted text this way. */
const PASTED = /^\/(import)\s*$/i;

export type PasteCollector = { feed(line: string): PasteStep; end(): PasteStep | undefined };

export function pasteCollector(): PasteCollector {
  let command: string | undefined;
  let held: string[] = [];
  const finish = (): PasteStep => {
    const step: PasteStep = { kind: 'pasted', command: command ?? 'import', text: held.join('\n'), lines: held.length };
    command = undefined;
    held = [];
    return step;
  };
  return {
    feed(line) {
      if (command === undefined) {
        const start = PASTED.exec(line.trim());
        if (!start?.[1]) return { kind: 'line', line };
        command = start[1].toLowerCase();
        return { kind: 'started' };
      }
      if (line.trim() === '.') return finish();
      held.push(line);
      return { kind: 'held' };
    },
    end: () => (command === undefined ? undefined : finish()),
  };
}

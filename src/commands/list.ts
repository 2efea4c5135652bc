// Every command, listed explicitly (no folder scanning): menus, help and the Slack manifest are built
// from this list. Apart from the barrel (index.ts), so that the pipeline can read it without a circle.
import { acted } from './acted.js';
import { appeal } from './appeal.js';
import { drive } from './drive.js';
import { follow, unfollow } from './follow.js';
import { forgetme } from './forgetme.js';
import { helpCommand } from './help.js';
import { importAppeal } from './import.js';
import { letter } from './letter.js';
import { printpack } from './printpack.js';
import { news } from './news.js';
import { privacy } from './privacy.js';
import { progress } from './progress.js';
import { remind } from './remind.js';
import { remindme } from './remindme.js';
import { report } from './report.js';
import { tally } from './tally.js';
import type { AnyCommand } from './types.js';
import { undo } from './undo.js';

/** Every command, listed explicitly: menus on every platform are built from this list. */
export const commands: readonly AnyCommand[] = [
  letter,
  acted,
  undo,
  progress,
  appeal,
  helpCommand(() => commands),
  privacy,
  forgetme,
  drive,
  remind,
  remindme,
  follow,
  unfollow,
  report,
  tally,
  importAppeal,
  printpack,
  news,
];

/** The command a name means (case-insensitive), in `list` (every command by default). */
export function findCommand(name: string, list: readonly AnyCommand[] = commands): AnyCommand | undefined {
  const wanted = name.toLowerCase();
  return list.find((c) => c.name === wanted);
}

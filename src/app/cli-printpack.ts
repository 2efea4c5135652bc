// `actionbot printpack DRIVE [--out FILE]`: a drive's print pack for an event table, written to a file.
import { writeFile } from 'node:fs/promises';
import { packFileName, packOf } from '../commands/printpack.js';
import { driveAppealIds, type Drive } from '../core/drive.js';
import type { DriveService } from '../core/drives.js';
import { pickLocale } from '../core/i18n/index.js';
import { paperFor } from '../core/kit/paper.js';
import { BUNDLED_APPEALS, createApp } from './app.js';
import { parseConfig } from './config.js';
import { UsageError, type Subcommand } from './cli-spec.js';

/** A failure said in one line (exit 1). */
class Failure extends Error {}

/** A drive by its id, or the one open drive of an appeal; several are listed for the operator to choose. */
async function driveNamed(drives: DriveService, name: string): Promise<Drive> {
  const byId = await drives.get(name);
  if (byId) return byId;
  const open = (await drives.allActive()).filter((d) => driveAppealIds(d).includes(name));
  if (open.length === 1) return open[0]!;
  if (open.length > 1) throw new Failure(`several drives run "${name.slice(0, 100)}": give one of their ids: ${open.map((d) => `${d.id} (${d.space})`).join(', ')}`);
  throw new Failure(`no drive "${name.slice(0, 100)}" is running; \`actionbot report\` names the appeals, a drive id comes from /drive list`);
}

export const printpackCommand: Subcommand = {
  name: 'printpack',
  args: 'DRIVE [--out FILE]',
  summary: "a drive's print pack for event tables (PDF): each case and its letter, a tally sheet",
  details: `DRIVE is a drive's id or the appeal id of the one drive running it. The pack is written to FILE, or to
<appeal>-printpack.pdf in the current folder; its words are in the drive's language (LANG picks A4 or US
Letter). Fails (exit 1) when no such drive runs, or when several run that appeal (their ids are listed).`,
  flags: ['--out'],
  arity: [1, 2],
  run: async ({ args: [name, file], flags }, io) => {
    if (flags.has('--out') !== (file !== undefined)) throw new UsageError(file === undefined ? 'missing FILE after --out' : `unexpected argument "${file.slice(0, 40)}"`);
    const app = await createApp(parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...io.env }));
    try {
      const drive = await driveNamed(app.deps.drives, name!);
      const input = await packOf(drive, app.deps, { locale: pickLocale(drive.locale), paper: paperFor(io.env.LC_ALL ?? io.env.LANG), now: app.deps.clock.now() });
      const pdf = await app.deps.printPack!(input);
      const path = file ?? packFileName(drive);
      await writeFile(path, pdf, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        throw new Failure(error.code === 'EEXIST' ? `${path} exists; give another --out FILE` : `cannot write ${path}: ${error.message}`);
      });
      io.out(`${path}: ${input.cases.length} case(s) and a tally sheet, ${pdf.byteLength} bytes\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};

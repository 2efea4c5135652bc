// Prints the importer's score over the real-text corpora, per language and per layout:
// `npx tsx scripts/corpus-score.ts` (add `-v` to list every wrong field,
// `--only=corpus-15` for one set).
import { CORPUS, CORPUS_2, CORPUS_3, CORPUS_4, CORPUS_5, CORPUS_6, CORPUS_7, CORPUS_8, CORPUS_9, CORPUS_10, CORPUS_11, CORPUS_12, CORPUS_13, CORPUS_14, CORPUS_15, CORPUS_16, CORPUS_17, CORPUS_18, CORPUS_19, CORPUS_20, CORPUS_21, CORPUS_22, CORPUS_23, CORPUS_24, CORPUS_25, CORPUS_26, CORPUS_27, CORPUS_28, CORPUS_29, CORPUS_30, describeReport, scoreCorpus } from '../tests/core/importer/corpus-score.js';

const verbose = process.argv.includes('-v');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
for (const [label, dir] of [['corpus (issue 15)', CORPUS], ['corpus-2 (issue 27)', CORPUS_2], ['corpus-3 (issue 27, held out)', CORPUS_3], ['corpus-4 (issue 27, held out, second set)', CORPUS_4], ['corpus-5 (issue 27, held out, third set)', CORPUS_5], ['corpus-6 (issue 27, held out, measured only)', CORPUS_6], ['corpus-7 (issue 27, held out, fifth set)', CORPUS_7], ['corpus-8 (issue 27, held out, sixth set)', CORPUS_8], ['corpus-9 (issue 27, held out, seventh set)', CORPUS_9], ['corpus-10 (issue 27, held out, eighth set)', CORPUS_10], ['corpus-11 (issue 27, held out, ninth set)', CORPUS_11], ['corpus-12 (issue 27, held out, tenth set)', CORPUS_12], ['corpus-13 (issue 27, held out, eleventh set)', CORPUS_13], ['corpus-14 (issue 27, held out, twelfth set)', CORPUS_14], ['corpus-15 (issue 27, held out, thirteenth set)', CORPUS_15], ['corpus-16 (issue 27, held out, fourteenth set)', CORPUS_16], ['corpus-17 (issue 27, held out, fifteenth set)', CORPUS_17], ['corpus-18 (issue 27, held out, sixteenth set)', CORPUS_18], ['corpus-19 (issue 27, held out, seventeenth set)', CORPUS_19], ['corpus-20 (issue 27, held out, eighteenth set)', CORPUS_20], ['corpus-21 (issue 27, held out, nineteenth set)', CORPUS_21], ['corpus-22 (issue 27, held out, twentieth set)', CORPUS_22], ['corpus-23 (issue 27, held out, twenty-first set)', CORPUS_23], ['corpus-24 (issue 27, held out, twenty-second set)', CORPUS_24], ['corpus-25 (issue 27, held out, twenty-third set)', CORPUS_25], ['corpus-26 (issue 27, held out, twenty-fourth set)', CORPUS_26], ['corpus-27 (issue 27, held out, twenty-fifth set)', CORPUS_27], ['corpus-28 (issue 27, held out, twenty-sixth set)', CORPUS_28], ['corpus-29 (issue 27, held out, twenty-seventh set)', CORPUS_29], ['corpus-30 (issue 27, held out, twenty-eighth set)', CORPUS_30]] as const) {
  if (only !== undefined && !label.startsWith(`${only} `)) continue;
  const report = scoreCorpus(dir);
  console.log(`${label}:`);
  for (const line of describeReport(report)) console.log(`  ${line}`);
  for (const r of report.refused) console.log(`  refused ${r}`);
  for (const w of report.addresses.wrong) console.log(`  WRONG ADDRESS ${w}`);
  if (verbose) for (const { name, check } of report.wrong) console.log(`  ${name}: ${check.field} expected "${check.expected}", got "${check.got}"`);
}

// Prints, per label-preserving rewrite of the texts of corpora 1-38, the fields right and the addresses
// misattached against the texts as written: `npx tsx scripts/corpus-perturb.ts` (`-v`: the texts that moved).
import { corpusTexts } from '../tests/core/importer/corpus-score.js';
import { measurePerturbation, PERTURBATIONS, PERTURBED_CORPORA, type TextScore } from '../tests/core/importer/perturb.js';

const verbose = process.argv.includes('-v');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const texts = PERTURBED_CORPORA.flatMap((dir) => corpusTexts(dir).map((t) => ({ ...t, name: `${dir.pathname.split('/').at(-2)}/${t.name}` })));
const baseline = new Map<string, TextScore>();
const pct = (s: TextScore): string => `${((s.right / Math.max(1, s.fields)) * 100).toFixed(1)}%`;

console.log(`${texts.length} texts`);
console.log('| transformation | texts changed | fields right (as written -> rewritten) | misattached | texts worse |');
console.log('| --- | --- | --- | --- | --- |');
for (const perturbation of PERTURBATIONS.filter((p) => only.length === 0 || only.includes(p.name))) {
  const r = measurePerturbation(texts, perturbation, baseline);
  const worse = r.moved.filter((m) => m.after.fields - m.after.right > m.before.fields - m.before.right || m.after.wrong > m.before.wrong).length;
  console.log(`| ${r.name} | ${r.changed} | ${r.before.right}/${r.before.fields} = ${pct(r.before)} -> ${r.after.right}/${r.after.fields} = ${pct(r.after)} | ${r.before.wrong} -> ${r.after.wrong} | ${worse} |`);
  if (verbose) for (const m of r.moved) console.log(`    ${m.name}: right ${m.before.right}/${m.before.fields} -> ${m.after.right}/${m.after.fields}, misattached ${m.before.wrong} -> ${m.after.wrong}`);
}

/**
 * `npm run corpus`: recognition over the corpus, its variations and the dressed negatives
 * (scripts/support/variants.ts): per kind precision and recall, then every case that fails, with the reason
 * tests/fixtures/pages/expected-variant-failures.json gives for it (or UNEXPECTED). Exit 1 on an unexpected one.
 */
import { cases, loadExpectedVariantFailures, notDressed, score, type Case } from './support/variants';

const all: Case[] = [...cases()];
const expected = new Map(loadExpectedVariantFailures().map((f) => [f.case, f.why]));
const by = (source: Case['source']) => all.filter((c) => c.source === source);
console.log(`recognition: ${by('corpus').length} corpus pages, ${by('variant').length} variants, ${by('negative').length} dressed negatives`);
console.log('');
console.log('| kind | expected | predicted | right | precision | recall |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const k of score(all)) console.log(`| ${k.kind} | ${k.expected} | ${k.predicted} | ${k.correct} | ${k.precision.toFixed(3)} | ${k.recall.toFixed(3)} |`);
const failing = all.filter((c) => !c.ok);
console.log('');
console.log(`failing cases: ${failing.length} (expected ${failing.filter((c) => expected.has(c.id)).length})`);
for (const c of failing) console.log(`- ${c.id}: expected ${c.expected}, got ${c.got} — ${expected.get(c.id) ?? 'UNEXPECTED'}`);
const natives = new Map<string, string>();
for (const n of notDressed) natives.set(n.id, `${natives.has(n.id) ? `${natives.get(n.id)}, ` : ''}${n.family}`);
if (natives.size) console.log('');
for (const [id, families] of natives)
  console.log(`not dressed: ${id} carries ${notDressed.find((n) => n.id === id)!.native.join(', ')} of its own, so not also ${families} (two families are SPSE by the rule)`);
const stale = [...expected.keys()].filter((id) => !failing.some((c) => c.id === id));
for (const id of stale) console.log(`- ${id}: listed as an expected failure but holds now (remove it from the list)`);
process.exit(failing.some((c) => !expected.has(c.id)) || stale.length ? 1 : 0);

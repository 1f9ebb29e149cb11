/**
 * `npm run directory`: regenerates lib/worker/directory.json from scripts/data/lpse-directory.csv (its origin: scripts/data/README.md).
 * Rules (sop.md): an LPSE's key is its spse.inaproc.id/<slug> address; its old host gives aliases
 * `<old>/eproc4` and `<old>/eproc`; an old host shared by several LPSEs names none of them; rows name
 * agencies (K/L/PD), the LPSE is the part after " > ".
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDirectory } from '../lib/worker/directory-build';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CSV_PATH = resolve(root, 'scripts/data/lpse-directory.csv');
export const OUT_PATH = resolve(root, 'lib/worker/directory.json');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const csv = readFileSync(CSV_PATH, 'utf8');
  const dir = buildDirectory(csv, {
    source: 'scripts/data/lpse-directory.csv',
    sourceSha256: createHash('sha256').update(csv).digest('hex'),
    generated: new Date().toISOString().slice(0, 10),
  });
  writeFileSync(OUT_PATH, JSON.stringify(dir, null, 1) + '\n');
  console.log(`${dir.lpses.length} LPSEs, ${dir.ambiguousOldHosts.length} ambiguous old hosts → ${OUT_PATH}`);
}

// Reads the built manifests (`npm test` builds both first). Least privilege is a promise the README makes.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (dir: string) => {
  const path = resolve(import.meta.dirname, '../../.output', dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build && npm run build:e2e\` first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
};
const LEGACY = ['*://*/eproc4/*', '*://*/eproc/*'];

/** What the README's permissions table justifies: the first column's code spans. */
function justified(): string[] {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.split('## Permissions and privacy')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| what'))
    .flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

describe('built manifests', () => {
  it('ask for nothing the README does not justify', () => {
    const ok = justified();
    expect(ok).toEqual(expect.arrayContaining(['storage', 'scripting', 'https://spse.inaproc.id/*', ...LEGACY]));
    for (const dir of ['chrome-mv3', 'chrome-mv3-e2e']) {
      const m = read(dir);
      for (const p of [...(m.permissions as string[]), ...(m.host_permissions as string[]), ...((m.optional_host_permissions as string[]) ?? [])]) expect(ok, `${dir}: ${p}`).toContain(p);
    }
  });

  it('production: MV3, storage + scripting only, required host access only https://spse.inaproc.id/*', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage', 'scripting']);
    expect(m.host_permissions).toEqual(['https://spse.inaproc.id/*']);
    expect(m.optional_host_permissions).toEqual(LEGACY);
    expect(m).not.toHaveProperty('content_security_policy'); // default CSP, no remote code
    const scripts = m.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((s) => s.matches)).toEqual(['https://spse.inaproc.id/*']);
  });
  it('e2e build: the same extension with the legacy patterns granted up front', () => {
    const m = read('chrome-mv3-e2e');
    expect(m.host_permissions).toEqual(['https://spse.inaproc.id/*', ...LEGACY]);
    expect(m.permissions).toEqual(['storage', 'scripting']);
    const prod = read('chrome-mv3');
    expect(m.content_scripts).toEqual(prod.content_scripts);
  });
});

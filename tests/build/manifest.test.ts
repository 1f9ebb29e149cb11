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
    for (const dir of ['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv3', 'firefox-mv3-e2e']) {
      const m = read(dir);
      for (const p of [...(m.permissions as string[]), ...(m.host_permissions as string[]), ...((m.optional_host_permissions as string[]) ?? [])]) expect(ok, `${dir}: ${p}`).toContain(p);
    }
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('production (%s): MV3, storage + scripting only, required host access only https://spse.inaproc.id/*', (dir) => {
    const m = read(dir);
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage', 'scripting']);
    expect(m.host_permissions).toEqual(['https://spse.inaproc.id/*']);
    expect(m.optional_host_permissions).toEqual(LEGACY);
    expect(m).not.toHaveProperty('content_security_policy'); // default CSP, no remote code
    const scripts = m.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((s) => s.matches)).toEqual(['https://spse.inaproc.id/*']);
  });
  it.each(['chrome', 'firefox'])('e2e build (%s): the same extension with the legacy patterns granted up front', (browser) => {
    const m = read(`${browser}-mv3-e2e`);
    expect(m.host_permissions).toEqual(['https://spse.inaproc.id/*', ...LEGACY]);
    expect(m.permissions).toEqual(['storage', 'scripting']);
    const prod = read(`${browser}-mv3`);
    expect(m.content_scripts).toEqual(prod.content_scripts);
  });

  it('Firefox settings (add-on id, minimum version, no data collected) are in the Firefox manifest only', () => {
    const gecko = { id: 'spse-assist@spse-assist.id', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } };
    expect(read('firefox-mv3').browser_specific_settings).toEqual({ gecko });
    expect(read('firefox-mv3').background).toEqual({ scripts: ['background.js'] }); // Firefox MV3: an event page
    for (const dir of ['chrome-mv3', 'chrome-mv3-e2e']) expect(read(dir)).not.toHaveProperty('browser_specific_settings');
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('icons (%s): every size, made from public/icon.svg, for the add-on and its button', (dir) => {
    const m = read(dir) as { icons: Record<string, string>; action: { default_icon: Record<string, string> } };
    expect(Object.keys(m.icons).map(Number).sort((a, b) => a - b)).toEqual([16, 32, 48, 96, 128]);
    for (const [size, file] of [...Object.entries(m.icons), ...Object.entries(m.action.default_icon)]) {
      const png = readFileSync(resolve(import.meta.dirname, '../../.output', dir, file));
      expect(png.subarray(1, 4).toString(), file).toBe('PNG');
      // width and height from the IHDR chunk
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(size), Number(size)]);
    }
  });
});

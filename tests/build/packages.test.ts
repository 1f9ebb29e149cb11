// What `npm run zip` makes (npm test runs it first): both store packages, and the sources zip Firefox's
// store asks for, holding what a reviewer needs to build the same package and nothing else.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import extract from 'extract-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const zip = (kind: string) => {
  const path = resolve(root, `.output/spse-assist-${version}-${kind}.zip`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run zip\` first`);
  return path;
};
/** Every file under `base`, as a path relative to it with forward slashes. */
const files = (base: string, dir = base): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(base, join(dir, f)) : [relative(base, join(dir, f)).split('\\').join('/')]));

const dirs: Record<string, string> = {};
beforeAll(async () => {
  for (const kind of ['chrome', 'firefox', 'sources']) {
    dirs[kind] = mkdtempSync(join(tmpdir(), `spse-assist-${kind}-`));
    await extract(zip(kind), { dir: dirs[kind]! });
  }
});
afterAll(() => Object.values(dirs).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('store packages', () => {
  it.each(['chrome', 'firefox'])('%s: the built extension, with its manifest, every icon and both locales', (kind) => {
    const list = files(dirs[kind]!);
    for (const f of ['manifest.json', 'background.js', 'content-scripts/spse.js', 'assistant.js', 'popup.html', 'options.html', 'welcome.html', 'icon.svg', '_locales/id/messages.json', '_locales/en/messages.json'])
      expect(list, f).toContain(f);
    for (const size of [16, 32, 48, 96, 128]) expect(list).toContain(`icons/${size}.png`);
    expect(list.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('sources: what `npm ci && npm run build:firefox` needs, no tests, outputs or dependencies', () => {
    const list = files(dirs.sources!);
    for (const f of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'public/icon.svg', 'entrypoints/background.ts', 'entrypoints/spse.content/index.ts', 'lib/worker/directory.json'])
      expect(list, f).toContain(f);
    expect(list.filter((f) => /^(node_modules|\.output|tests|test-artifacts|bench-results|\.cache)\//.test(f))).toEqual([]);
  });
});

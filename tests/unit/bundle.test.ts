// The content script runs on every SPSE page: it must stay small and carry neither zod nor the directory,
// nor the assistant's UI (injected only when there is something to show).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const built = (path: string) => {
  const file = resolve(import.meta.dirname, '../../.output/chrome-mv3', path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
};
const gz = (code: string) => gzipSync(code, { level: 9 }).length;

describe('content script bundle (production build)', () => {
  const code = () => built('content-scripts/spse.js');
  it('stays under 15 KB gzipped (recognition included; issue 14 budget)', () => {
    expect(gz(code())).toBeLessThan(15 * 1024);
  });
  it('carries no zod and no LPSE directory', () => {
    const c = code();
    expect(c).not.toMatch(/ZodError|\$ZodType|_zod/);
    expect(c).not.toContain('kepahiangkab'); // a directory entry
    expect(c).not.toContain('ambiguousOldHosts');
    expect(c).not.toContain('reconstructed/'); // corpus examples beside the predicates are test-only
    expect(c).not.toContain('options_legacy_explain'); // no locale catalog: the advice carries its texts
  });
  it('carries no UI: Preact and the assistant live in assistant.js, injected on demand', () => {
    const c = code();
    expect(c).not.toContain('http://www.w3.org/2000/svg'); // Preact's SVG namespace
    expect(c).not.toMatch(/prefers-color-scheme/); // the assistant's styles
    const ui = built('assistant.js');
    expect(ui).toContain('http://www.w3.org/2000/svg');
    expect(ui).toMatch(/prefers-color-scheme/);
    expect(gz(ui)).toBeLessThan(20 * 1024);
  });
});

// The content script runs on every SPSE page: it must stay small and carry neither zod nor the directory.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const file = resolve(import.meta.dirname, '../../.output/chrome-mv3/content-scripts/spse.js');

describe('content script bundle (production build)', () => {
  const code = () => {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    return readFileSync(file, 'utf8');
  };
  it('stays under 20 KB gzipped', () => {
    expect(gzipSync(code(), { level: 9 }).length).toBeLessThan(20 * 1024);
  });
  it('carries no zod and no LPSE directory', () => {
    const c = code();
    expect(c).not.toMatch(/ZodError|\$ZodType|_zod/);
    expect(c).not.toContain('kepahiangkab'); // a directory entry
    expect(c).not.toContain('ambiguousOldHosts');
    expect(c).not.toContain('reconstructed/'); // corpus examples beside the predicates are test-only
    expect(c).not.toContain('options_legacy_explain'); // no locale catalog: the advice carries its texts
  });
});

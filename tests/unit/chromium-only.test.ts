// The README lists every end-to-end test that runs in Chromium only, with its Firefox equivalent: this keeps
// that list and the `chromiumOnly(...)` calls of tests/e2e/ in step.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('Chromium-only end-to-end tests', () => {
  it('are exactly the ones the README lists', () => {
    const dir = resolve(root, 'tests/e2e');
    const inCode = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(resolve(dir, f), 'utf8').matchAll(/chromiumOnly\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const table = readme.split('| Chromium-only test |')[1]?.split('\n\n')[0] ?? '';
    const listed = table
      .split('\n')
      .slice(2)
      .filter((l) => l.startsWith('| '))
      .map((l) => l.split('|')[1]!.trim());
    expect(inCode.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual(inCode.sort());
  });
});

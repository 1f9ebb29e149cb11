// The repository stands alone: a clone from a code host has nothing beside it, so no file may read or link the
// hand-over folder that once sat next to the repository (its pages, CSV and docs now live in tests/fixtures/real/,
// scripts/data/ and docs/). Fails naming every file and line that still does.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/**
 * What points outside the repository: a relative path up into a sibling `shared` folder, its absolute path on
 * our machines, or a path into one of its sub-folders (docs, data, fixtures, seeds) cited as a reference.
 * Written as patterns so this file does not match itself; `components/options/shared.ts` is a module name and
 * matches none of them.
 */
const OUTSIDE = [
  /\.\.[\\/]shared\b/,
  /[\\/]work[\\/]shared\b/,
  /(?<![\w.-])shared[\\/](?:docs|data|fixtures|seeds)[\\/]/,
];

/** Folders git ignores (.gitignore), skipped when the tree has to be walked. */
const IGNORED_DIRS = new Set(['.git', 'node_modules', '.output', '.wxt', '.vitest', '.cache', 'bench-results', 'test-artifacts', 'screenshots']);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) walk(join(dir, entry.name), out);
    } else if (entry.isFile()) out.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
  }
  return out;
}

/** The repository's files: tracked, plus new ones not ignored (about to be); the tree itself without git. */
function repositoryFiles(): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = [...new Set(listed.split('\0').filter(Boolean))];
    if (files.length > 0) return files.filter((f) => statSync(join(root, f), { throwIfNoEntry: false })?.isFile());
  } catch {
    // no git, or not a work tree (an unpacked sources zip): walk the tree
  }
  return walk(root);
}

/** `file:line: text` for every line of a text file that matches one of the patterns. */
function offendingLines(file: string, bytes: Buffer): string[] {
  if (bytes.subarray(0, 8000).includes(0)) return []; // binary
  const found: string[] = [];
  bytes.toString('utf8').split(/\r?\n/).forEach((line, i) => {
    if (OUTSIDE.some((p) => p.test(line))) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
  });
  return found;
}

describe('the repository stands alone', () => {
  it('finds the repository files', () => {
    const files = repositoryFiles();
    expect(files).toContain('package.json');
    expect(files).toContain('tests/unit/standalone.test.ts');
    expect(files.some((f) => f.startsWith('node_modules/'))).toBe(false);
  });

  it('tells a line that reads or links the sibling folder from one that does not', () => {
    const up = ['..', 'shared'].join('/');
    const bad = [`const REAL = resolve(root, '${up}/fixtures/real');`, `see \`${['', 'work', 'shared'].join('/')}/docs/sop.md\``, `from ${['shared', 'data'].join('/')}/lpse-directory.csv`, `(${['..', '..', '..', 'shared'].join('\\')}\\x)`];
    const good = ["import { call } from './options/shared';", 'the shared helpers of the simulated sites', 'tests/fixtures/real/SOURCES.md', 'docs/sop.md §3'];
    expect(offendingLines('x.ts', Buffer.from(bad.join('\n'))).map((l) => l.split(':')[1])).toEqual(['1', '2', '3', '4']);
    expect(offendingLines('x.ts', Buffer.from(good.join('\n')))).toEqual([]);
    expect(offendingLines('x.png', Buffer.from([0x89, 0x50, 0, 0x0a, ...Buffer.from(bad[0]!)]))).toEqual([]);
  });

  it('has no text file that reads or links it', () => {
    const found = repositoryFiles().flatMap((f) => offendingLines(f, readFileSync(join(root, f))));
    expect(found, found.join('\n')).toEqual([]);
  });
});

/** The recognition corpus (tests/fixtures/pages/index.json): its format, and reading a page into a snapshot. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';
import { collect, type PageSnapshot } from '../../lib/page/recognition/snapshot';
import { parseHtml } from './parse-html';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../tests/fixtures/pages');
/** The real SPSE pages (`real:<filename>` entries); their origins in tests/fixtures/real/SOURCES.md. */
export const REAL_DIR = resolve(import.meta.dirname, '../../tests/fixtures/real');

export const entrySchema = z.strictObject({
  file: z.string().min(1),
  url: z.url(),
  expect: z.strictObject({
    spse: z.boolean(),
    kind: z.enum(['login', 'login-failed', 'activation', 'non-active', 'admin-notice', 'logged-in', 'other']).optional(),
    step: z.enum(['chooser', 'user-id', 'password', 'otp', 'one-form']).optional(),
    role: z.enum(['penyedia', 'non-penyedia', 'unknown']).optional(),
    userId: z.string().optional(),
    replacementUserId: z.string().optional(),
    noticeText: z.string().optional(),
    errorText: z.string().optional(),
    lookalike: z.boolean().optional(),
  }),
  reconstructed: z.boolean().optional(),
  evidence: z.string().optional(),
  note: z.string().optional(),
});
export type CorpusEntry = z.infer<typeof entrySchema>;

export function loadIndex(): CorpusEntry[] {
  return z.array(entrySchema).parse(JSON.parse(readFileSync(resolve(CORPUS_DIR, 'index.json'), 'utf8')));
}

export function pathOf(file: string): string {
  return file.startsWith('real:') ? resolve(REAL_DIR, file.slice('real:'.length)) : resolve(CORPUS_DIR, file);
}

export async function snapshotOf(html: string, url: string): Promise<PageSnapshot> {
  const { document, close } = parseHtml(html, url);
  try {
    return collect(document);
  } finally {
    await close();
  }
}

export async function snapshotOfFile(file: string, url: string): Promise<PageSnapshot> {
  return snapshotOf(readFileSync(pathOf(file), 'utf8'), url);
}

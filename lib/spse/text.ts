/** Case- and whitespace-insensitive form of a text, for matching signals (sop.md: texts match loosely). */
export function norm(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whitespace collapsed, case kept: for texts shown back to the penyedia. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** True when `phrase` occurs in `text` as whole words (both already normalised). */
export function hasPhrase(text: string, phrase: string): boolean {
  return phraseIndex(text, phrase) >= 0;
}

/** Where `phrase` first occurs in `text` as whole words at or after `from`, or -1. */
export function phraseIndex(text: string, phrase: string, from = 0): number {
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return -1;
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if (!isWordChar(before) && !isWordChar(after)) return at;
    from = at + 1;
  }
}

/** A text's sentences (and lines), normalised; a question keeps its "?" (it asks, it says nothing). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n/)
    .map(norm)
    .filter(Boolean);
}

/**
 * "PENYEDIA" as a role word, never the tail of "NON PENYEDIA" / "NON-PENYEDIA" (spse-pages.md §2.1:
 * a penyedia-matching selector must not match "NON PENYEDIA" by substring).
 */
export function hasRoleWord(text: string, word: string): boolean {
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(word)}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, (m.index ?? 0) + m[1]!.length);
    if (!/non[\s-]*$/u.test(before)) return true;
  }
  return false;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

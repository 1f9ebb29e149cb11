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
  for (let at = phraseIndex(text, word); at >= 0; at = phraseIndex(text, word, at + 1)) if (!/non[\s-]*$/.test(text.slice(0, at))) return true;
  return false;
}

/**
 * A letter or a digit of any script. ASCII and the Latin letters of Indonesian names (U+00C0–U+024F, × and ÷
 * apart) are told without a Unicode-property regex: compiling one costs 0.2–1 ms in a fresh page (measured in
 * Chromium 156), paid on every page load; the regex is left for other scripts and symbols.
 */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return latinLetter(c) || /[\p{L}\p{N}]/u.test(ch);
}

const latinLetter = (c: number) => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;

/** A letter of any script (as isWordChar, digits apart). */
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return latinLetter(c) || /\p{L}/u.test(ch);
}

/** The text from its first letter on ("» Keluar" → "Keluar"). */
export function fromFirstLetter(text: string): string {
  let i = 0;
  while (i < text.length && !isLetter(text[i]!)) i++;
  return text.slice(i);
}

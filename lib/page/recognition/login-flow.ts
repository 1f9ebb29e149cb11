/**
 * SPSE's own login controls, found and clicked for the penyedia who asked (RULES.md R16, R18): the LOGIN
 * control of a public page and the PENYEDIA button of the loaded chooser. Content script only (DOM); never a
 * field's value, never a submit.
 */
import { signals } from './signals';
import { collapse, hasPhrase, hasRoleWord } from '../../spse/text';

const L = signals.login;

/** Not in a closed modal; with `laidOut`, also rendered (a hidden duplicate of the menu is not what to click). */
function shown(el: Element, laidOut = true): el is HTMLElement {
  const modal = el.closest('.modal');
  if (modal && !modal.classList.contains('show') && !modal.classList.contains('in')) return false;
  return !laidOut || (el as HTMLElement).getClientRects?.().length !== 0;
}

/**
 * SPSE's LOGIN control ("LOGIN", "LOGIN PENYEDIA", "Masuk") on a page without a session. Recognition passes
 * `laidOut: false` (a saved page has no layout and must read the same as the live one).
 */
export function loginEntryOf(doc: Document, laidOut = true): HTMLElement | null {
  for (const el of Array.from(doc.querySelectorAll(L.entrySelectors)).slice(0, 50)) {
    if (L.entryText.test(collapse(el.textContent)) && shown(el, laidOut)) return el;
  }
  return null;
}

/** The PENYEDIA button of a loaded chooser (never NON PENYEDIA). */
export function penyediaChoiceOf(doc: Document): HTMLElement | null {
  for (const box of Array.from(doc.querySelectorAll(L.chooserContainer)).slice(0, 5)) {
    for (const el of Array.from(box.querySelectorAll('button, a.btn, a[role="button"], input[type="button"], input[type="submit"]'))) {
      const text = collapse(el instanceof HTMLInputElement ? el.value : el.textContent).toLowerCase();
      if (hasRoleWord(text, L.chooserPenyedia) && !hasPhrase(text.replace(/-/g, ' '), L.chooserNonPenyedia) && shown(el)) return el as HTMLElement;
    }
  }
  return null;
}

/** The next click of the login: PENYEDIA when the chooser is loaded, else LOGIN. False when there is neither. */
export function clickLoginStep(doc: Document): boolean {
  const next = penyediaChoiceOf(doc) ?? loginEntryOf(doc);
  next?.click();
  return !!next;
}

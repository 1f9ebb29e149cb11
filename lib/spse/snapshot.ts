import { signals } from './signals';
import { pageScope, selectAll, selectMany } from './select';
import { loginEntryOf } from './login-flow';
import { noticeOf, type NoticeParts } from './notice';
import { collapse, hasPhrase, norm } from './text';

/**
 * What the page shows, collected without judging (the Bitwarden way: collector → predicates → classifier).
 * Only names, texts and presence are read: never the value of any field — the type has no place for one.
 */
export interface PageSnapshot {
  title: string;
  /** Lowercased `name`/`id` of the `input` fields the page shows, with their type. Never a value. */
  fields: { name: string; type: string; readonly: boolean }[];
  /** Texts of buttons and button-like links inside the login chooser container. */
  chooserButtons: string[];
  /** Texts of error containers (SPSE's alert boxes), case kept (shown to the penyedia as text); read only
   * on pages with form fields or a login chooser, the only places they tell something (login-failed). */
  alerts: string[];
  /** Headings, alerts, legends, open modal bodies… outside footer/nav, case kept: what the page says it
   * is; `context` is the text of the block it sits in (the notice under a heading), read when first asked;
   * `notice` is that block read as a notice (its sentences apart from its contact lines, lib/spse/notice.ts),
   * read only when a notice is found. */
  prominent: { readonly text: string; readonly context: string; readonly notice?: NoticeParts }[];
  /** The page's own text (no scripts, menus or footer), bounded: where a replacement User ID is named. */
  mainText: string;
  /** The first SPSE marker found (one is enough; for tests and misdetection reports). */
  markers: string[];
  /** A logout link or form is present (a logged-in session). */
  logout: boolean;
  /** The user line next to logout (`[USERID] - NIP` title plus its text). */
  userLine?: { title: string; text: string };
  /** Menu texts (top navigation) of a logged-in page, for the role when the user line does not tell. */
  menu: string[];
  /** A login field exists anywhere, even in a closed modal (a look-alike's home page hides its form there). */
  loginFormAnywhere: boolean;
  /** SPSE's own LOGIN control, outside a session (lib/spse/login-flow.ts). */
  loginEntry: boolean;
}

const MAX_ITEMS = 60;
const MAX_TEXT = 400;
const MAX_CONTEXT = 800;
const MAX_MAIN_TEXT = 6000;
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FOOTER', 'svg']);
/** SPSE's footer in its generations' markups (the marker line; never a menu). */
const FOOTER = 'footer, .footer, #footer';
const CONTEXT_BLOCKS = '.alert, .card, .modal-content, .panel, .box, .jumbotron, .callout, section, form, fieldset, #content, .content';

/**
 * A form or message in a Bootstrap modal that is not open is not what the page shows (SPSE 4.x keeps its
 * login modal on every page). Judged by classes, so it reads the same in a saved page and in the live one.
 */
function inClosedModal(el: Element): boolean {
  const modal = el.closest('.modal');
  if (!modal) return false;
  return !modal.classList.contains('show') && !modal.classList.contains('in') && !/display:\s*block/i.test(modal.getAttribute('style') ?? '');
}

const hidden = (el: Element, skip: string) => !!el.closest(skip) || inClosedModal(el);

function texts(elements: readonly Element[], skip: string, evenInClosedModal = false): string[] {
  const out: string[] = [];
  for (const el of elements) {
    if (out.length >= MAX_ITEMS) break;
    if (evenInClosedModal ? el.closest(skip) : hidden(el, skip)) continue;
    const t = textOf(el, MAX_TEXT);
    if (t) out.push(t);
  }
  return out;
}

function prominentOf(elements: readonly Element[], skip: string): PageSnapshot['prominent'] {
  const out: PageSnapshot['prominent'] = [];
  for (const el of elements) {
    if (out.length >= MAX_ITEMS) break;
    if (hidden(el, skip)) continue;
    const text = textOf(el, MAX_TEXT);
    if (!text) continue;
    // Read only when a predicate asks (a notice's body, a replacement User ID): most pages never need it.
    let context: string | undefined;
    let notice: NoticeParts | undefined;
    out.push({
      text,
      get context() {
        return (context ??= textOf(el.parentElement?.closest(CONTEXT_BLOCKS) ?? el.parentElement ?? el, MAX_CONTEXT));
      },
      get notice() {
        return (notice ??= noticeOf(el, (e) => e.matches(skip) || (e.classList.contains('modal') && inClosedModal(e))));
      },
    });
  }
  return out;
}

/**
 * The text of an element with its text nodes joined by spaces (textContent runs "Dilakukan" and "Data"
 * of two blocks together), skipping scripts, styles, closed modals and `skip` regions; bounded.
 */
function textOf(root: Element, max: number, skip?: string): string {
  const doc = root.ownerDocument;
  // Rejecting an element skips its whole subtree; other elements are passed through to their text.
  const filter = {
    acceptNode: (n: Node) => {
      if (n.nodeType !== 1) return 1; // FILTER_ACCEPT: text
      const el = n as Element;
      // The root's own ancestors were judged by the caller: here only a modal's own element can close it.
      return SKIP_TEXT.has(el.tagName) || (skip && el.matches(skip)) || (el.classList.contains('modal') && inClosedModal(el)) ? 2 /* FILTER_REJECT */ : 3 /* FILTER_SKIP */;
    },
  };
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, filter);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < max; node = walker.nextNode()) {
    const t = node.nodeValue?.trim();
    if (t) {
      parts.push(t);
      length += t.length + 1;
    }
  }
  return collapse(parts.join(' ')).slice(0, max);
}

/** Reads a document into a snapshot. Bounded work whatever the page's size or depth. */
export function collect(doc: Document): PageSnapshot {
  // One marker is enough to call the page SPSE's. The noscript line and the footer are looked at first (two
  // small regions); the marker selectors each walk the page, so they come only when those say nothing; the
  // body's first and last 20,000 characters last (never the whole text of a 5 MB page).
  const markers: string[] = [];
  const textMarkers = (text: string) => {
    signals.markers.texts.forEach((t) => text.includes(t) && !markers.includes(`text:${t}`) && markers.push(`text:${t}`));
    if (!markers.includes('version') && signals.markers.versionPattern.test(text)) markers.push('version');
  };
  // Every lookup below leaves out the rows of listings (lib/spse/select.ts): the cost of a page does not
  // grow with its tender list.
  const scope = pageScope(doc);
  const region = (els: Element[]) => norm(els.slice(0, 5).map((n) => n.textContent).join(' '));
  const [noscripts = [], footers = []] = selectMany(scope, ['noscript', FOOTER]);
  textMarkers(`${region(noscripts)} ${region(footers)}`);
  for (const sel of markers.length ? [] : signals.markers.selectors) {
    try {
      if (doc.querySelector(sel)) {
        markers.push(`selector:${sel}`);
        break;
      }
    } catch {
      /* a selector the engine does not know (the `i` flag in old engines) is skipped */
    }
  }
  if (markers.length === 0) {
    const bodyText = doc.body?.textContent ?? '';
    textMarkers(norm(bodyText.length > 40_000 ? bodyText.slice(0, 20_000) + ' ' + bodyText.slice(-20_000) : bodyText));
  }

  const skip = signals.ignoredRegions;
  // One walk of the page for every selector list below (lib/spse/select.ts).
  // Each selector alternative costs a walk of the page, so only what every page needs is looked up here;
  // SPSE's login fields are all `input`s.
  const [prominentEls = [], logoutEls = [], fieldEls = [], boxes = []] = selectMany(scope, [
    signals.prominentSelectors,
    signals.loggedIn.selectors,
    'input',
    signals.login.chooserContainer,
  ]);
  const fields: PageSnapshot['fields'] = [];
  for (const el of fieldEls.slice(0, 200)) {
    if (inClosedModal(el)) continue;
    const type = (el.getAttribute('type') ?? (el.tagName === 'INPUT' ? 'text' : el.tagName)).toLowerCase();
    if (type === 'hidden' && !/^isrekanan$/i.test(el.getAttribute('name') ?? '')) continue;
    const name = (el.getAttribute('name') || el.getAttribute('id') || '').toLowerCase();
    fields.push({ name, type, readonly: el.hasAttribute('readonly') || el.hasAttribute('disabled') });
  }

  const chooserButtons: string[] = [];
  for (const box of boxes.slice(0, 5)) {
    // A loaded chooser is a login step even while its modal is closing or saved closed (sop.md).
    chooserButtons.push(...texts(selectAll(box, 'button, a.btn, a[role="button"]'), 'noscript', true).map((t) => t.toLowerCase()));
    for (const input of selectAll(box, 'input[type="button"], input[type="submit"]')) {
      const v = norm(input.getAttribute('value'));
      if (v) chooserButtons.push(v);
    }
  }

  const prominent = prominentOf(prominentEls, skip);
  // Error boxes only tell something on a login step (login-failed): looked up only where one may be.
  const alertEls = fields.length || chooserButtons.length ? selectAll(scope, signals.loginFailed.alertSelectors) : [];
  const logoutEl = logoutEls[0];
  const userEl = logoutEl ? doc.querySelector(signals.loggedIn.userLineSelector) : null;

  return {
    title: norm(doc.title).slice(0, MAX_TEXT),
    fields,
    chooserButtons: chooserButtons.slice(0, MAX_ITEMS),
    alerts: texts(alertEls, skip),
    prominent,
    // Read only where the page speaks of a deactivated account: it is where a replacement is named.
    mainText: doc.body && prominent.some((p) => signals.nonActive.texts.some((t) => hasPhrase(p.text.toLowerCase(), t))) ? textOf(doc.body, MAX_MAIN_TEXT, skip) : '',
    markers,
    logout: !!logoutEl,
    userLine: userEl ? { title: (userEl.getAttribute('title') ?? '').trim().slice(0, MAX_TEXT), text: norm(userEl.textContent).slice(0, MAX_TEXT) } : undefined,
    // The menu tells a role only inside a session.
    menu: logoutEl ? texts(selectAll(scope, signals.menuSelectors), FOOTER).map((t) => t.toLowerCase()) : [],
    // Every input of the page: a table body holding one is never left out as a listing (lib/spse/select.ts),
    // so a look-alike cannot hide its form from the phishing guard in padded rows.
    loginFormAnywhere: fieldEls.some((i) => i.getAttribute('type')?.toLowerCase() === 'password' || i.getAttribute('name')?.toLowerCase() === 'txtuserid'),
    loginEntry: !logoutEl && !!loginEntryOf(doc, false),
  };
}

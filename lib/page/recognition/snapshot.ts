import { signals } from './signals';
import { firstByTag, pageScope, selectAll, selectMany, type Scope } from './select';
import { loginEntryOf } from './login-flow';
import { noticeOf, type NoticeParts } from './notice';
import { collapse, fromFirstLetter, hasPhrase, norm } from '../../spse/text';
import { siteFromUrl } from '../../spse/site';
import { assetEvidence, countsAt, familiesOf, fieldEvidence, generatorEvidence, menuEvidence, textEvidence, type Evidence } from './identity';

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
   * is; `readContext()` is the text of the block it sits in (the notice under a heading) and `readNotice()`
   * that block read as a notice (its sentences apart from its contact lines, lib/page/recognition/notice.ts): each read
   * once, and only when a predicate asks (a walk of the block: most pages never need it). */
  prominent: { readonly text: string; readContext(): string; readNotice(): NoticeParts | undefined }[];
  /**
   * The page's main content (outside navigation, footer, news, listings, hidden parts), case kept, bounded;
   * blocks apart by a line break: where a message outside a heading is read, and a replacement User ID named.
   * Read once, and only when asked (and the page holds a word one of its rules needs).
   */
  readMainText(): string;
  /** SPSE identity evidence found, each with its family and signal id (lib/page/recognition/identity.ts); no value, no text. */
  evidence: Evidence[];
  /** Another system the page names itself as, in its title or main heading (signals.ts `otherSystems`). */
  otherSystem?: string;
  /** A logout link or form is present (a logged-in session). */
  logout: boolean;
  /** The user line next to logout (`[USERID] - NIP` title plus its text). */
  userLine?: { title: string; text: string };
  /** Menu texts (top navigation) of a logged-in page, for the role when the user line does not tell. */
  menu: string[];
  /** A login field exists anywhere, even in a closed modal (a look-alike's home page hides its form there). */
  loginFormAnywhere: boolean;
  /** SPSE's own LOGIN control, outside a session (lib/page/recognition/login-flow.ts). */
  loginEntry: boolean;
}

const MAX_ITEMS = 60;
const MAX_TEXT = 400;
const MAX_CONTEXT = 800;
const MAX_MAIN_TEXT = 8000;
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
      readContext: () => (context ??= textOf(el.parentElement?.closest(CONTEXT_BLOCKS) ?? el.parentElement ?? el, MAX_CONTEXT)),
      readNotice: () => (notice ??= noticeOf(el, (e) => e.matches(skip) || (e.classList.contains('modal') && inClosedModal(e)))),
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

/** Inline elements: their text is part of the sentence around them. */
const INLINE = new Set(['A', 'B', 'I', 'U', 'EM', 'STRONG', 'SPAN', 'SMALL', 'FONT', 'LABEL', 'CODE', 'SUP', 'SUB', 'MARK', 'ABBR']);

/**
 * The page's main content as text, blocks apart by a line break: one walk that rejects the regions that are
 * not the page's own message (`notMainContent`, the listings, closed modals, inline `display:none`) with
 * their subtrees; the set is found once, so each element costs a lookup, not a selector match.
 */
function mainTextOf(doc: Document, scope: Scope, notMain: readonly Element[]): string {
  const root = doc.body;
  if (!root) return '';
  const skipped = new Set<Element>([...notMain, ...scope.listings]);
  const filter = {
    acceptNode: (n: Node) => {
      if (n.nodeType !== 1) return 1;
      const el = n as Element;
      return SKIP_TEXT.has(el.tagName) || skipped.has(el) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || (el.classList.contains('modal') && inClosedModal(el)) || /display:\s*none/i.test(el.getAttribute('style') ?? '') ? 2 : 3;
    },
  };
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, filter);
  let out = '';
  let block: Element | null = null;
  for (let node = walker.nextNode(); node && out.length < MAX_MAIN_TEXT; node = walker.nextNode()) {
    const t = node.nodeValue?.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    let parent = node.parentElement;
    while (parent && INLINE.has(parent.tagName) && parent !== root) parent = parent.parentElement;
    out += parent === block ? ` ${t}` : `\n${t}`;
    block = parent;
  }
  return out.trim().slice(0, MAX_MAIN_TEXT);
}

/** The text of an element's last `max` characters (scripts and styles skipped): where a footer sits, whatever its markup. */
function tailOf(root: Element, max: number): string {
  const parts: string[] = [];
  let length = 0;
  let n: Node = root;
  while (n.lastChild) n = n.lastChild;
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  walker.currentNode = n;
  for (let node: Node | null = n.nodeType === 3 ? n : walker.previousNode(); node && length < max; node = walker.previousNode()) {
    const t = node.nodeValue?.trim();
    const tag = node.parentElement?.tagName;
    if (!t || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
    parts.push(t);
    length += t.length + 1;
  }
  return parts.reverse().join(' ').slice(-max);
}

const MAX_ASSETS = 80;
const MAX_LABELS = 300;
const TAIL = 3000;
const BODY_FALLBACK = 20_000;

/**
 * SPSE identity evidence (lib/page/recognition/identity.ts): the cheap places first — the page's assets and generator,
 * the field names, the noscript line, the footer, the page's last words, the menus — and each next place only
 * while fewer than two families are certain (path-scoped evidence counts towards that only under the
 * document's own base; recognise() judges it again against the address it is given); the page's text last
 * (never the whole text of a 5 MB page).
 */
function evidenceOf(doc: Document, scope: Scope, fieldEls: readonly Element[], anchors: () => readonly Element[]): Evidence[] {
  const evidence: Evidence[] = [];
  const site = siteFromUrl(doc.URL);
  const decided = () => familiesOf(evidence.filter((e) => (site ? countsAt(e, site) : e.at === undefined))).length >= signals.identity.threshold;
  for (const tag of ['link', 'script', 'img'])
    for (const el of firstByTag(scope, tag, MAX_ASSETS)) {
      const ref = el.getAttribute('href') ?? el.getAttribute('src');
      if (ref) assetEvidence(ref, evidence);
    }
  for (const meta of firstByTag(scope, 'meta', 40))
    if (meta.getAttribute('name')?.toLowerCase() === 'generator') generatorEvidence(meta.getAttribute('content') ?? '', evidence);
  const names = new Set<string>();
  for (const el of fieldEls.slice(0, 400)) {
    const name = (el.getAttribute('name') || el.getAttribute('id') || '').toLowerCase();
    if (name) names.add(name);
  }
  fieldEvidence(names, evidence);
  const region = (els: readonly Element[]) => norm(els.slice(0, 5).map((n) => n.textContent).join(' '));
  const body = doc.body;
  if (!decided()) {
    const [noscripts = [], footers = []] = selectMany(scope, ['noscript', FOOTER]);
    textEvidence(`${norm(doc.title)} ${region(noscripts)} ${region(footers)}`, evidence);
  }
  if (!decided() && body) textEvidence(norm(tailOf(body, TAIL)), evidence);
  if (!decided()) {
    const labels: string[] = [];
    for (const a of anchors()) {
      const raw = a.textContent ?? '';
      if (raw.length > 80) continue;
      const label = norm(raw);
      if (label && label.length <= 40) labels.push(label);
    }
    menuEvidence(labels, evidence);
  }
  if (!decided() && body) textEvidence(norm(textOf(body, BODY_FALLBACK * 2)), evidence);
  return evidence;
}

/** The other system a page names itself as (its title, its first `h1` of the headings found), as our data's phrase. */
function otherSystemOf(doc: Document, headings: readonly Element[]): { otherSystem?: string } {
  // From the headings already found: a page without an `h1` would otherwise be walked whole for one.
  const own = `${norm(doc.title)} | ${norm(headings.find((h) => h.tagName === 'H1')?.textContent)}`;
  const hit = signals.identity.otherSystems.find((w) => hasPhrase(own, w));
  return hit ? { otherSystem: hit } : {};
}

/**
 * Words without which no main-content rule can hold (non-active, activation, the welcome line, an admin's
 * notice): the walk of
 * the main content is skipped on the pages, most of them, whose text has none of them.
 */
const MAIN_CONTENT_WORDS = /tidak\s+aktif|non[\s-]?aktif|aktivasi|agregr?asi|user\s*id\s+tunggal|selamat\s+datang|(?:notifikasi|pemberitahuan|pesan)(?:\s+dari)?\s+admin/i;

/**
 * The text of the page outside its listings (the engine's own `textContent`, no script per node): what
 * MAIN_CONTENT_WORDS is tested on. The rows of a 3,000-row list are 200 KB of text that no rule reads.
 */
function scopeText(scope: Scope): string {
  if (scope.roots.length === 1 && scope.roots[0] === scope.doc) return scope.doc.body?.textContent ?? '';
  // The head holds no message (its scripts' words would only cost a walk).
  const parts = scope.roots.map((r) => ((r as Element).tagName === 'HEAD' ? '' : (r.textContent ?? '')));
  // A sentence may sit right beside a listing, in an element on the way down to it.
  for (const a of scope.ancestors) for (const n of Array.from(a.childNodes)) if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
  return parts.join('\n');
}

/** The page is an LPSE's home: its address has one path segment at most (the base path). */
const atHome = (doc: Document) => (doc.location?.pathname ?? '/').split('/').filter(Boolean).length <= 1;

/** Reads a document into a snapshot. Bounded work whatever the page's size or depth. */
export function collect(doc: Document): PageSnapshot {
  // Every lookup below leaves out the rows of listings (lib/page/recognition/select.ts): the cost of a page does not
  // grow with its tender list.
  const scope = pageScope(doc);
  const skip = signals.ignoredRegions;
  // One walk of the page for every selector list below (lib/page/recognition/select.ts).
  // Each selector alternative costs a walk of the page, so only what every page needs is looked up here;
  // SPSE's login fields are all `input`s.
  const [prominentEls = [], logoutEls = [], fieldEls = [], boxes = []] = selectMany(scope, [
    signals.prominentSelectors,
    signals.loggedIn.selectors,
    'input',
    signals.login.chooserContainer,
  ]);
  // The page's first links outside its listings (menus, a logout link), read only when asked.
  let links: Element[] | undefined;
  const anchors = () => (links ??= firstByTag(scope, 'a', MAX_LABELS));
  const evidence = evidenceOf(doc, scope, fieldEls, anchors);
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
  // A logout link by its whole text too (KELUAR, hrefs of other shapes), outside a closed modal.
  const logoutEl =
    logoutEls[0] ?? anchors().find((a) => (a.textContent?.length ?? 0) < 40 && (signals.loggedIn.logoutTexts as readonly string[]).includes(fromFirstLetter(norm(a.textContent))) && !inClosedModal(a));
  const userEl = logoutEl ? doc.querySelector(signals.loggedIn.userLineSelector) : null;

  let mainText: string | undefined;
  return {
    title: norm(doc.title).slice(0, MAX_TEXT),
    fields,
    chooserButtons: chooserButtons.slice(0, MAX_ITEMS),
    alerts: texts(alertEls, skip),
    prominent,
    // Read when first asked, and only where one of its rules may hold.
    readMainText: () => (mainText ??= doc.body && MAIN_CONTENT_WORDS.test(scopeText(scope)) ? mainTextOf(doc, scope, selectAll(scope, signals.notMainContent)) : ''),
    evidence,
    ...otherSystemOf(doc, prominentEls),
    logout: !!logoutEl,
    userLine: userEl ? { title: (userEl.getAttribute('title') ?? '').trim().slice(0, MAX_TEXT), text: norm(userEl.textContent).slice(0, MAX_TEXT) } : undefined,
    // The menu tells a role only inside a session.
    menu: logoutEl ? texts(selectAll(scope, signals.menuSelectors), FOOTER).map((t) => t.toLowerCase()) : [],
    // Every input of the page: a table body holding one is never left out as a listing (lib/page/recognition/select.ts),
    // so a look-alike cannot hide its form from the phishing guard in padded rows.
    loginFormAnywhere: fieldEls.some((i) => i.getAttribute('type')?.toLowerCase() === 'password' || i.getAttribute('name')?.toLowerCase() === 'txtuserid'),
    // Only an LPSE's public home (one path segment: `/jakarta/`, `/eproc4/`) starts a login (RULES.md R16): the
    // lookup walks the page, so no other page pays for it.
    loginEntry: !logoutEl && atHome(doc) && !!loginEntryOf(doc, false),
  };
}

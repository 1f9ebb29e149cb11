import { signals } from './signals';
import { collapse, norm } from './text';

/**
 * What the page shows, collected without judging (the Bitwarden way: collector → predicates → classifier).
 * Only names, texts and presence are read: never the value of any field.
 */
export interface PageSnapshot {
  title: string;
  /** Lowercased `name`/`id` of visible-kind form fields, with their input type. */
  fields: { name: string; type: string }[];
  /** Texts of buttons and button-like links inside the login chooser container. */
  chooserButtons: string[];
  /** Texts of error containers (SPSE's alert boxes), case kept (shown to the penyedia as text). */
  alerts: string[];
  /** Headings, alerts, legends… outside footer/nav, case kept: what the page says it is. */
  prominent: string[];
  /** Which SPSE markers were found (indexes into the marker lists, for tests and misdetection reports). */
  markers: string[];
  /** A logout link or form is present (a logged-in session). */
  logout: boolean;
  /** The user line next to logout (`[USERID] - NIP` title plus its text). */
  userLine?: { title: string; text: string };
  /** Menu texts (top navigation), for the role when the user line does not tell. */
  menu: string[];
}

const MAX_ITEMS = 60;
const MAX_TEXT = 400;

function texts(root: ParentNode, selector: string, skip?: string): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll(selector))) {
    if (out.length >= MAX_ITEMS) break;
    if (skip && el.closest(skip)) continue;
    const t = collapse(el.textContent).slice(0, MAX_TEXT);
    if (t) out.push(t);
  }
  return out;
}

/**
 * A login form in a Bootstrap modal that is not open is not what the page shows (SPSE 4.x keeps its login
 * modal on every page). Judged by classes, so it reads the same in a saved page and in the live one.
 */
function inClosedModal(el: Element): boolean {
  const modal = el.closest('.modal');
  if (!modal) return false;
  return !modal.classList.contains('show') && !modal.classList.contains('in') && !/display:\s*block/i.test(modal.getAttribute('style') ?? '');
}

/** Reads a document into a snapshot. Bounded work whatever the page's size or depth. */
export function collect(doc: Document): PageSnapshot {
  const markers: string[] = [];
  // Text markers are looked for in the noscript and footer regions and the body's first and last part,
  // never the whole text of a 5 MB page.
  const head = norm(Array.from(doc.querySelectorAll('noscript')).slice(0, 5).map((n) => n.textContent).join(' '));
  const footer = norm(Array.from(doc.querySelectorAll('footer, .footer, #footer')).slice(0, 5).map((n) => n.textContent).join(' '));
  const bodyText = doc.body?.textContent ?? '';
  const edges = norm(bodyText.length > 40_000 ? bodyText.slice(0, 20_000) + ' ' + bodyText.slice(-20_000) : bodyText);
  const markerText = `${head} ${footer} ${edges}`;
  signals.markers.texts.forEach((t) => markerText.includes(t) && markers.push(`text:${t}`));
  if (signals.markers.versionPattern.test(markerText)) markers.push('version');
  for (const sel of signals.markers.selectors) {
    try {
      if (doc.querySelector(sel)) markers.push(`selector:${sel}`);
    } catch {
      /* a selector the engine does not know (the `i` flag in old engines) is skipped */
    }
  }

  const fields: PageSnapshot['fields'] = [];
  for (const el of Array.from(doc.querySelectorAll('input, select, textarea')).slice(0, 200)) {
    if (inClosedModal(el)) continue;
    const type = (el.getAttribute('type') ?? (el.tagName === 'INPUT' ? 'text' : el.tagName)).toLowerCase();
    if (type === 'hidden' && !/^isrekanan$/i.test(el.getAttribute('name') ?? '')) continue;
    const name = (el.getAttribute('name') || el.getAttribute('id') || '').toLowerCase();
    fields.push({ name, type });
  }

  const chooserButtons: string[] = [];
  for (const box of Array.from(doc.querySelectorAll(signals.login.chooserContainer)).slice(0, 5)) {
    chooserButtons.push(...texts(box, 'button, a.btn, a[role="button"]').map((t) => t.toLowerCase()));
    for (const input of Array.from(box.querySelectorAll('input[type="button"], input[type="submit"]'))) {
      const v = norm(input.getAttribute('value'));
      if (v) chooserButtons.push(v);
    }
  }

  const logoutEl = doc.querySelector(signals.loggedIn.selectors);
  const userEl = logoutEl ? doc.querySelector(signals.loggedIn.userLineSelector) : null;

  return {
    title: norm(doc.title).slice(0, MAX_TEXT),
    fields,
    chooserButtons: chooserButtons.slice(0, MAX_ITEMS),
    alerts: texts(doc, signals.loginFailed.alertSelectors, signals.ignoredRegions),
    prominent: texts(doc, signals.prominentSelectors, signals.ignoredRegions),
    markers,
    logout: !!logoutEl,
    userLine: userEl ? { title: (userEl.getAttribute('title') ?? '').trim().slice(0, MAX_TEXT), text: norm(userEl.textContent).slice(0, MAX_TEXT) } : undefined,
    menu: texts(doc, 'nav a, .navbar a, #topmenu a, ul.nav a').map((t) => t.toLowerCase()),
  };
}

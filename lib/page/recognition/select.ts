/**
 * `querySelectorAll` for selector lists, at a cost that does not grow with a page's listings.
 * - A long list of alternatives loses Chromium's shortcuts: each element is matched against every
 *   alternative (3 ms on a 3,000-row tender list). A tag or a class (or classes of one element) alone costs
 *   one plain walk without selector matching, so those are looked up one by one, and the other alternatives
 *   of *all* the lists asked together share one walk. (Ids go with the others: `getElementById` would miss
 *   a duplicated id, and an id of another case in a quirks-mode page, which `querySelectorAll` matches.)
 * - Every walk still visits the whole page. The rows of a listing (a table body of LISTING_ROWS rows or more:
 *   tenders, schedules, participants) are data, never what the page says it is, so a page scope leaves them
 *   out and the walks cover only the rest.
 * Results come back per list, in document order.
 */
const TAG = /^[a-z][a-z0-9]*$/i;
/** One class or several on the same element (`.alert.alert-warning`): getElementsByClassName takes both. */
const CLASS = /^(?:\.[\w-]+)+$/;

/** A table body this long (and without fields) is a listing: its rows are data. */
export const LISTING_ROWS = 30;

/**
 * A page of at most this many elements (a login step, a tender's page) is searched with the engine's own
 * `querySelectorAll`, one list at a time: there every alternative matched on every element still costs less
 * than the script that takes the fast paths (≈ 0.3 ms of cold script on the login page).
 */
export const SMALL_PAGE = 1500;

/** Where to look: the page without the rows of its listings (`roots` and the `ancestors` around them). */
export interface Scope {
  doc: Document;
  /** The whole page is small (SMALL_PAGE) and has no listing. */
  small?: boolean;
  /** Subtrees to search, whole. */
  roots: (Document | Element)[];
  /** Elements on the way down to a listing: they may match themselves, their subtrees are not roots. */
  ancestors: Element[];
  /** The listings left out (table bodies). */
  listings: Element[];
}

/** The document without its listings (their table bodies and rows; the whole document when it has none). */
export function pageScope(doc: Document): Scope {
  // A long table body with a field in it is a form laid out in a table (SPSE 3.x), not a listing.
  const long = Array.from(doc.getElementsByTagName('tbody')).filter((b) => b.childElementCount >= LISTING_ROWS && !b.querySelector('input'));
  // A listing inside another one's rows goes with them.
  const listings = long.filter((b) => !long.some((o) => o !== b && o.contains(b)));
  if (listings.length === 0) return { doc, roots: [doc], ancestors: [], listings, small: doc.getElementsByTagName('*').length <= SMALL_PAGE };
  const skipped = new Set<Element>(listings);
  const onPath = new Set<Element>();
  for (const listing of listings) for (let p = listing.parentElement; p && !onPath.has(p); p = p.parentElement) onPath.add(p);
  const roots: Element[] = [];
  for (const p of onPath) for (const child of Array.from(p.children)) if (!onPath.has(child) && !skipped.has(child)) roots.push(child);
  return { doc, roots: inOrder(new Set(roots)), ancestors: [...onPath], listings };
}

/**
 * The first `max` elements of a tag in a page scope, in document order. A live collection's `length` (or a
 * look for a tag the page lacks) walks every element under its root: here the roots leave the listings out.
 */
export function firstByTag(scope: Scope, tag: string, max: number): Element[] {
  const out: Element[] = [];
  const upper = tag.toUpperCase();
  for (const root of scope.roots) {
    if (root !== scope.doc && (root as Element).tagName === upper) out.push(root as Element);
    const found = root.getElementsByTagName(tag);
    // An index walks only as far as it reads (a `length` would count them all).
    for (let i = 0, el = found[0]; el && out.length < max; el = found[++i]) out.push(el);
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

const parts = (list: string) => list.split(',').map((p) => p.trim()).filter(Boolean);
const isFast = (p: string) => TAG.test(p) || CLASS.test(p);

function inOrder(found: Set<Element>): Element[] {
  const list = [...found];
  if (list.length > 1) list.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  return list;
}

function addFast(root: Document | Element, part: string, into: Set<Element>): void {
  // No `instanceof Document`: the global may not exist where this runs (a parsed page in Node).
  if (TAG.test(part)) for (const el of Array.from(root.getElementsByTagName(part))) into.add(el);
  else for (const el of Array.from(root.getElementsByClassName(part.slice(1).split('.').join(' ')))) into.add(el);
}

const isScope = (x: Scope | Document | Element): x is Scope => 'roots' in x;

/** Several selector lists at once over a root or a page scope. */
export function selectMany(where: Scope | Document | Element, lists: readonly string[]): Element[][] {
  if (isScope(where) && where.small) return lists.map((l) => Array.from(where.doc.querySelectorAll(l)));
  const split = lists.map(parts);
  if (!isScope(where) || (where.roots.length === 1 && where.roots[0] === where.doc)) {
    const root = isScope(where) ? where.doc : where;
    const slow = [...new Set(split.flat().filter((p) => !isFast(p)))];
    const walked = slow.length ? Array.from(root.querySelectorAll(slow.join(', '))) : [];
    return split.map((ps) => {
      const found = new Set<Element>();
      for (const p of ps) if (isFast(p)) addFast(root, p, found);
      const mine = ps.filter((p) => !isFast(p));
      if (mine.length) {
        const own = mine.join(', ');
        for (const el of walked) if (el.matches(own)) found.add(el);
      }
      return inOrder(found);
    });
  }
  // Around listings: one walk per root for all alternatives (the roots are small), then each list takes its own.
  const all = [...new Set(split.flat())].join(', ');
  const candidates: Element[] = [];
  for (const a of where.ancestors) if (a.matches(all)) candidates.push(a);
  for (const r of where.roots) {
    if (r.nodeType === 1 && (r as Element).matches(all)) candidates.push(r as Element);
    for (const el of Array.from(r.querySelectorAll(all))) candidates.push(el);
  }
  return split.map((ps) => {
    const own = ps.join(', ');
    return inOrder(new Set(candidates.filter((el) => el.matches(own))));
  });
}

export function selectAll(where: Scope | Document | Element, selectorList: string): Element[] {
  return selectMany(where, [selectorList])[0]!;
}

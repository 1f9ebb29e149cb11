/**
 * `querySelectorAll` for selector lists, through the engine's fast paths. A long list of alternatives loses
 * Chromium's shortcuts and walks the whole page (3 ms on a 3,000-row tender list); a tag, a class or an id
 * (or classes of one element) alone costs one plain walk without selector matching. So: tags, classes and ids are looked up directly, and the
 * other alternatives of *all* the lists asked together share one walk of the page; results come back per
 * list, in document order.
 */
const TAG = /^[a-z][a-z0-9]*$/i;
/** One class or several on the same element (`.alert.alert-warning`): getElementsByClassName takes both. */
const CLASS = /^(?:\.[\w-]+)+$/;
const ID = /^#[\w-]+$/;

const parts = (list: string) => list.split(',').map((p) => p.trim()).filter(Boolean);
const isFast = (p: string) => TAG.test(p) || CLASS.test(p) || ID.test(p);

function inOrder(found: Set<Element>): Element[] {
  const list = [...found];
  if (list.length > 1) list.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  return list;
}

function addFast(root: Document | Element, part: string, into: Set<Element>): void {
  // No `instanceof Document`: the global may not exist where this runs (a parsed page in Node).
  if (TAG.test(part)) for (const el of Array.from(root.getElementsByTagName(part))) into.add(el);
  else if (CLASS.test(part)) for (const el of Array.from(root.getElementsByClassName(part.slice(1).split('.').join(' ')))) into.add(el);
  else if (root.nodeType === 9) {
    const el = (root as Document).getElementById(part.slice(1));
    if (el) into.add(el);
  } else for (const el of Array.from(root.querySelectorAll(part))) into.add(el);
}

/** Several selector lists at once: one walk of the page for all their slow alternatives. */
export function selectMany(root: Document | Element, lists: readonly string[]): Element[][] {
  const split = lists.map(parts);
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

export function selectAll(root: Document | Element, selectorList: string): Element[] {
  return selectMany(root, [selectorList])[0]!;
}

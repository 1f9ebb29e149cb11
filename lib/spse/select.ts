/**
 * `querySelectorAll` for a selector list, through the engine's fast paths: a long list of alternatives loses
 * Chromium's per-selector shortcuts and walks the whole page with every one of them (3 ms on a 3,000-row
 * tender list), while a tag, a class or an id alone is answered from the engine's own indexes. Each
 * alternative is looked up on its own (a compound `tag[...]` through its tag), then merged in document order.
 */
const TAG = /^[a-z][a-z0-9]*$/i;
const CLASS = /^\.[\w-]+$/;
const ID = /^#[\w-]+$/;
const TAG_FIRST = /^([a-z][a-z0-9]*)[.#[:]/i;

export function selectAll(root: Document | Element, selectorList: string): Element[] {
  const found = new Set<Element>();
  // No `instanceof Document`: the global may not exist where this runs (a parsed page in Node).
  const isDoc = root.nodeType === 9;
  const doc = (isDoc ? root : root.ownerDocument) as Document;
  for (const raw of selectorList.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    if (TAG.test(part)) for (const el of Array.from(root.getElementsByTagName(part))) found.add(el);
    else if (CLASS.test(part)) for (const el of Array.from(root.getElementsByClassName(part.slice(1)))) found.add(el);
    else if (ID.test(part) && isDoc) {
      const el = doc.getElementById(part.slice(1));
      if (el) found.add(el);
    } else {
      const tag = TAG_FIRST.exec(part)?.[1];
      if (tag && !part.includes(' ') && !part.includes('>')) {
        for (const el of Array.from(root.getElementsByTagName(tag))) if (el.matches(part)) found.add(el);
      } else for (const el of Array.from(root.querySelectorAll(part))) found.add(el);
    }
  }
  const list = [...found];
  if (list.length > 1) list.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  return list;
}

/** The first element of `selectorList` in document order, or null. */
export function selectFirst(root: Document | Element, selectorList: string): Element | null {
  return selectAll(root, selectorList)[0] ?? null;
}

/**
 * An admin notice's own sentences, apart from the LPSE's contact block and link labels.
 *
 * The notice is read from the block its heading or alert sits in — a 4.5 `.card` or `.alert`, a 4.x
 * `.panel`, a 3.x `div.border` box with its `header1`, an open modal, or, with no such box, the heading and
 * the paragraphs after it — line by line (block elements and `<br>` end a line). A line is the LPSE's
 * contact block rather than its message when it is in an `<address>`, starts with a contact label
 * ("Telepon:", "Telp.", "WA 0812…", "Email:", "Datang langsung:"…) or an address ("Jl. …", "Gedung …"), is
 * mostly a phone number, e-mail or web address, is a short unpunctuated line (a unit's name, opening hours)
 * next to such lines, or is an item of a list whose items are mostly such lines. Lines that are only link
 * or button text ("Kembali ke Beranda", "Tutup") are controls, not the notice; a link inside a sentence
 * keeps its words (the sentence would not read without them). Headings are left out when there are
 * sentences. Bounded work: the walk stops after MAX_NODES nodes.
 */
import { signals } from './signals';
import { collapse, hasPhrase } from '../../spse/text';

export interface NoticeParts {
  /** The notice's own sentences (no contact lines, no link labels, no heading unless it is all there is). */
  readonly text: string;
  /** The notice's contact lines, and the targets of its `mailto:`/`tel:` links, `; `-separated: where the
   * LPSE's helpdesk is learned (lib/contact.ts `contactsIn`). */
  readonly contacts: string;
}

const MAX_NODES = 3000;
const MAX_DEPTH = 60;
export const MAX_NOTICE_TEXT = 1500;
export const MAX_NOTICE_CONTACTS = 800;

/** Containers that hold one notice: 4.5 cards and alerts, 4.x panels, 3.x boxes, modals. */
const NOTICE_BOXES = '.alert, [role="alert"], .card, .modal-content, .panel, .box, .jumbotron, .callout, .notice, div.border, fieldset';
/** An alert-like element is the whole notice by itself when it asks to contact someone. */
const SELF_CONTAINED = '.alert, [role="alert"], .callout, .notice, .modal-body, .jumbotron';
/** The wider block of the old reading (the last resort when no box or section says anything). */
const WIDE_BLOCKS = '.alert, .card, .modal-content, .panel, .box, .jumbotron, .callout, section, form, fieldset, #content, .content';
/** Headings and title bars (4.5 `.card-header`, 4.x `.panel-heading`, 3.x `.header1`). */
const TITLES = 'h1, h2, h3, h4, h5, h6, legend, .modal-title, .modal-header, .card-header, .card-title, .panel-heading, .header1';
/** Controls and what is not shown: their text is never the notice's. */
const CONTROLS = 'a.btn, [role="button"], .close, .modal-footer, [hidden], [aria-hidden="true"]';
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FOOTER', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'IFRAME', 'OBJECT', 'SVG']);
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'IMG', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR']);

/**
 * Labels that open a line of an LPSE helpdesk block (spse-adp-texts.md §5: "Telp.", "Email:", "WA",
 * "Datang langsung", "Call Center"…) [V elsewhere]; a label counts when a colon, a full stop, a dash or a
 * number follows it ("Telepon: …", "Telp. (021)…", "WA 0812…", "Call Center 144").
 */
const CONTACT_LABEL =
  /^(?:(?:no\.?\s*)?(?:telp|telepon|tlp|tel|phone|hp|handphone|ponsel|wa|whatsapp|sms|fax|faks|faksimili|faksimile|call cent(?:er|re)|contact center|cp)\s*(?:[:.]|[-–—]\s|(?=[\d(+]))|(?:e-?mail|surel|alamat|address|lokasi|datang langsung|kontak|contact(?: person)?|narahubung|website|situs|web|jam (?:layanan|kerja|operasional|pelayanan)|hari kerja|helpdesk|layanan)\s*(?::|[-–—]\s))/i;
/** Lines that are a street address: "Jl. …", "Jalan …", "Gedung …", "Gd. …" [I]. */
const ADDRESS_START = /^(?:jl|jln|jalan|gedung|gd|komplek|kompleks|kawasan|ruko|lantai|lt)\b\.?\s/i;
const CONTACT_VALUES = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, // e-mail
  /(?:\+62|\(?\b0)\d[\d\s().-]{5,}\d/g, // phone
  /\b(?:https?:\/\/|www\.)\S+/gi, // web address
];
/** Abbreviations a sentence does not end at ("Jl. Sudirman", "Telp. 021", "No. 8", "PT. Maju"). */
const ABBREVIATIONS = new Set(['jl', 'jln', 'no', 'telp', 'tlp', 'tel', 'hp', 'gd', 'lt', 'kel', 'kec', 'kab', 'prov', 'ext', 'dr', 'ir', 'pt', 'cv', 'ud', 'tbk', 'dll', 'dsb', 'sd', 'st', 'rt', 'rw', 'an', 'up', 'yth', 'bpk', 'ibu', 'sdr', 'wa']);

interface Line {
  raw: string;
  /** Letters and digits inside links, and outside them. */
  linkChars: number;
  plainChars: number;
  title: boolean;
  address: boolean;
  list?: Element;
  /** The list, or else the block (a paragraph, an alert, a table), the line is in: neighbours share it. */
  group?: Element;
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const endsSentence = (s: string) => /[.!?:;]["')\]]*$/.test(s);
/** A short line that is no sentence: a unit's name, opening hours, a city. */
const shortFragment = (s: string) => words(s) <= 10 && !endsSentence(s);

/** Is this line (or sentence) a piece of the LPSE's contact block? */
export function isContactLine(s: string): boolean {
  if (CONTACT_LABEL.test(s) || (ADDRESS_START.test(s) && words(s) <= 20)) return true;
  let rest = s;
  for (const re of CONTACT_VALUES) rest = rest.replace(re, ' ');
  return rest !== s && words(rest) <= 3;
}

/** A line's text split into sentences (not after "Jl.", "No.", "Telp."…). */
function sentences(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of s.matchAll(/[.!?]["')\]]*\s+(?=["'(]?\p{Lu})/gu)) {
    const at = m.index!;
    const before = /([\p{L}]+)\.?$/u.exec(s.slice(from, at + 1))?.[1]?.toLowerCase() ?? '';
    if (m[0]!.startsWith('.') && (ABBREVIATIONS.has(before) || before.length === 1)) continue;
    out.push(s.slice(from, at + m[0]!.trimEnd().length).trim());
    from = at + m[0]!.length;
  }
  out.push(s.slice(from).trim());
  return out.filter(Boolean);
}

/** The lines of some roots, in document order; `hidden` says which elements the page does not show. */
function linesOf(roots: readonly Element[], hidden: (el: Element) => boolean, targets: string[]): Line[] {
  const out: Line[] = [];
  let cur: Line | undefined;
  let nodes = 0;
  let length = 0;
  const flush = () => {
    if (cur && collapse(cur.raw)) out.push(cur);
    cur = undefined;
  };
  interface Ctx {
    link: boolean;
    title: boolean;
    address: boolean;
    list?: Element;
    block?: Element;
  }
  const visit = (n: Node, c: Ctx, depth: number): void => {
    if (++nodes > MAX_NODES || length > 4 * MAX_NOTICE_TEXT || depth > MAX_DEPTH) return;
    if (n.nodeType === 3) {
      const t = n.nodeValue ?? '';
      if (!t.trim()) {
        if (cur) cur.raw += ' ';
        return;
      }
      cur ??= { raw: '', linkChars: 0, plainChars: 0, title: c.title, address: c.address, ...(c.list && { list: c.list }), ...((c.list ?? c.block) && { group: c.list ?? c.block }) };
      cur.raw += t;
      const chars = t.replace(/[^\p{L}\p{N}]/gu, '').length;
      if (c.link) cur.linkChars += chars;
      else cur.plainChars += chars;
      length += t.length;
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || (depth > 0 && el.matches(CONTROLS)) || hidden(el)) return;
    if (tag === 'BR' || tag === 'HR') return flush();
    if (tag === 'A') {
      const href = el.getAttribute('href') ?? '';
      const m = /^(?:mailto|tel):([^?#]{3,200})/i.exec(href.trim());
      if (m) {
        try {
          targets.push(decodeURIComponent(m[1]!));
        } catch {
          /* not an address */
        }
      }
    }
    // A table row is a line ("Telepon | : 021 …"), its cells apart by a space.
    const cell = tag === 'TD' || tag === 'TH';
    if (cell && cur) cur.raw += ' ';
    const block = !cell && !INLINE.has(tag);
    if (block) flush();
    const next: Ctx = {
      link: c.link || tag === 'A',
      title: c.title || el.matches(TITLES),
      address: c.address || tag === 'ADDRESS',
      ...((tag === 'LI' || tag === 'DT' || tag === 'DD') && el.parentElement ? { list: el.parentElement } : c.list && { list: c.list }),
      // The rows of a table are one group, as the lines of one paragraph are.
      ...(block && !/^(?:TR|TBODY|THEAD|TFOOT)$/.test(tag) ? { block: el } : c.block && { block: c.block }),
    };
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, next, depth + 1);
    if (block) flush();
  };
  for (const root of roots) {
    flush();
    visit(root, { link: false, title: false, address: false }, 0);
  }
  flush();
  return out;
}

/** Splits lines into the notice's sentences, its headings and its contact lines. */
function split(lines: readonly Line[]): { sentences: { text: string; list?: Element }[]; titles: string[]; contacts: string[] } {
  const kind = lines.map((l): 'contact' | 'control' | 'title' | 'text' => {
    const text = collapse(l.raw);
    if (l.address || isContactLine(text)) return 'contact';
    // Only link text (or punctuation around it): a control such as "Kembali ke Beranda".
    if (l.linkChars > 0 && l.plainChars === 0) return 'control';
    return l.title ? 'title' : 'text';
  });
  // A list whose items are mostly contact lines is the contact block, its unit's name included.
  const lists = new Map<Element, { all: number; contact: number }>();
  lines.forEach((l, i) => {
    if (!l.list) return;
    const e = lists.get(l.list) ?? { all: 0, contact: 0 };
    e.all++;
    if (kind[i] === 'contact') e.contact++;
    lists.set(l.list, e);
  });
  lines.forEach((l, i) => {
    const e = l.list && lists.get(l.list);
    if (e && e.contact * 2 > e.all && kind[i] === 'text') kind[i] = 'contact';
  });
  // Short unpunctuated lines beside contact lines of their paragraph or list belong to them (a unit's name,
  // opening hours, a city), not a list of what to send that happens to come before the contact list.
  const beside = (i: number, j: number) => kind[j] === 'contact' && lines[j]!.group === lines[i]!.group;
  for (let changed = true; changed; ) {
    changed = false;
    lines.forEach((l, i) => {
      if (kind[i] !== 'text' || !shortFragment(collapse(l.raw))) return;
      if (beside(i, i - 1) || beside(i, i + 1)) {
        kind[i] = 'contact';
        changed = true;
      }
    });
  }
  const out = { sentences: [] as { text: string; list?: Element }[], titles: [] as string[], contacts: [] as string[] };
  lines.forEach((l, i) => {
    const text = collapse(l.raw);
    if (kind[i] === 'contact') out.contacts.push(text);
    else if (kind[i] === 'title') out.titles.push(text);
    else if (kind[i] === 'text')
      // A sentence of contact details inside a paragraph ("… masalah ini. Telepon: 021 …") is the block too.
      for (const s of sentences(text)) {
        if (isContactLine(s)) out.contacts.push(s);
        else out.sentences.push({ text: s, ...(l.list && { list: l.list }) });
      }
  });
  return out;
}

const speaksOfContact = (el: Element) => {
  const text = collapse(el.textContent?.slice(0, 2000)).toLowerCase();
  return signals.adminNotice.contactWords.some((w) => hasPhrase(text, w));
};

/** Where a notice's words may be, most specific first. */
function candidates(el: Element): Element[][] {
  const out: Element[][] = [];
  if (el.matches(SELF_CONTAINED) && speaksOfContact(el)) out.push([el]);
  const box = el.parentElement?.closest(NOTICE_BOXES);
  if (box) out.push([box]);
  if (el.matches(TITLES)) {
    // A heading with its paragraphs and no box around them: the heading and what follows it, to the next heading.
    const section = [el];
    for (let s = el.nextElementSibling; s && section.length < 40 && !s.matches(TITLES); s = s.nextElementSibling) section.push(s);
    out.push(section);
  }
  out.push([el.parentElement?.closest(WIDE_BLOCKS) ?? el.parentElement ?? el]);
  return out;
}

/**
 * The notice a heading or alert (`el`) introduces: its sentences and its contact lines. `hidden` says
 * which elements the page does not show (closed modals, ignored regions).
 */
export function noticeOf(el: Element, hidden: (el: Element) => boolean = () => false): NoticeParts {
  let fallback: NoticeParts | undefined;
  for (const roots of candidates(el)) {
    const targets: string[] = [];
    const parts = split(linesOf(roots, hidden, targets));
    const lines = parts.contacts.join('; ');
    const contacts = collapse([lines, ...targets.filter((t) => !lines.includes(t))].filter(Boolean).join('; ')).slice(0, MAX_NOTICE_CONTACTS);
    // The items of one list read as one: "… dengan menyertakan: NPWP perusahaan, User ID SPSE".
    const text = collapse(
      parts.sentences.map((x, i) => (i === 0 ? '' : x.list && x.list === parts.sentences[i - 1]!.list && !endsSentence(parts.sentences[i - 1]!.text) && !/,$/.test(parts.sentences[i - 1]!.text) ? ', ' : ' ') + x.text).join(''),
    ).slice(0, MAX_NOTICE_TEXT);
    if (text) return { text, contacts };
    fallback ??= { text: collapse(parts.titles.join(' ')).slice(0, MAX_NOTICE_TEXT), contacts };
  }
  return fallback ?? { text: '', contacts: '' };
}

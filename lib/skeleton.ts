/**
 * A sanitised skeleton of a page, for reporting a misdetection: what the page is built of, never what the
 * penyedia typed or read there. Kept: tag names, and the values of `id`, `class`, `name`, `type` and `role`
 * (cleaned to a safe alphabet and shortened). Dropped: every other attribute (so every `value`,
 * `placeholder`, `href`…), scripts, styles, comments, the contents of `<textarea>`, and all text except
 * SPSE's own fixed labels (a small allow-list, compared case-insensitively); any other text becomes `…`.
 * Bounded: depth 40, 3000 nodes, 100 KB of output.
 *
 * Format, one node a line, two spaces of indent per level:
 *   form#login.form-horizontal[name=f]
 *     input[name=txtUserId][type=text]
 *     "LOGIN"
 *     …
 */

export const SKELETON_MAX_DEPTH = 40;
export const SKELETON_MAX_NODES = 3000;
export const SKELETON_MAX_BYTES = 100 * 1024;
export const SKELETON_HEADER = '# spse-assist skeleton v1';

/** SPSE's fixed labels: the only text a skeleton keeps (as written here, whatever the page's case). */
export const SKELETON_LABELS: readonly string[] = [
  'LOGIN',
  'LOGOUT',
  'LOGIN PENYEDIA',
  'LOGIN NON PENYEDIA',
  'PENYEDIA',
  'NON PENYEDIA',
  'PILIH JENIS USER',
  'BERANDA',
  'CARI PAKET',
  'REGULASI',
  'KONTAK KAMI',
  'INBOX',
  'DATA PENYEDIA',
  'GANTI PASSWORD',
  'LOG AKSES',
  'TENDER',
  'NON TENDER',
  'PENCATATAN',
  'USER ID',
  'USER ID TUNGGAL',
  'PASSWORD',
  'SECURITY CODE',
  'KODE KEAMANAN',
  'MASUK',
  'KELUAR',
  'AKTIVASI',
  'AGREGASI DATA PENYEDIA',
  'PENDAFTARAN PENYEDIA',
  'SPSE',
  'LPSE',
];
const LABELS = new Map(SKELETON_LABELS.map((l) => [l.toLowerCase(), l]));

/** Elements whose contents never reach a skeleton (nor, except `textarea`, the element itself). */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta']);
const OPAQUE = new Set(['textarea', 'svg', 'math', 'iframe', 'object', 'canvas']);
const KEPT_ATTRIBUTES = ['name', 'type', 'role'] as const;

const ELEMENT_NODE = 1;
/** UTF-8 size of a line: everything is ASCII (see clean()) except the three-byte `…`. */
const utf8Size = (line: string) => line.length + 2 * (line.split('…').length - 1);
const TEXT_NODE = 3;

/** An attribute value or tag name as a skeleton may carry it: a safe alphabet, short. */
function clean(value: string, max = 64): string {
  return value.replace(/[^A-Za-z0-9_.:\-[\]]/g, '_').slice(0, max);
}

function describeElement(el: Element): string {
  let line = clean(el.localName || el.nodeName.toLowerCase(), 40);
  const id = el.getAttribute('id');
  if (id) line += `#${clean(id)}`;
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 20);
  for (const c of classes) line += `.${clean(c)}`;
  for (const a of KEPT_ATTRIBUTES) {
    const v = el.getAttribute(a);
    if (v !== null) line += `[${a}=${clean(v)}]`;
  }
  return line;
}

function describeText(text: string): string | null {
  const normalised = text.replace(/\s+/g, ' ').trim();
  if (!normalised) return null;
  const label = LABELS.get(normalised.toLowerCase());
  return label ? `"${label}"` : '…';
}

export function skeletonOf(doc: Document): string {
  const lines: string[] = [SKELETON_HEADER];
  let bytes = SKELETON_HEADER.length + 1;
  let nodes = 0;
  let truncated = false;
  const reserve = 64; // room for the closing marker

  const emit = (depth: number, text: string): boolean => {
    if (truncated) return false;
    const line = `${'  '.repeat(depth)}${text}`;
    if (nodes >= SKELETON_MAX_NODES || bytes + utf8Size(line) + 1 > SKELETON_MAX_BYTES - reserve) {
      truncated = true;
      return false;
    }
    nodes++;
    bytes += utf8Size(line) + 1;
    lines.push(line);
    return true;
  };

  const walk = (el: Element, depth: number): void => {
    if (truncated) return;
    const name = (el.localName || '').toLowerCase();
    if (DROPPED.has(name)) return;
    if (!emit(depth, describeElement(el))) return;
    if (OPAQUE.has(name)) return;
    if (depth + 1 >= SKELETON_MAX_DEPTH) {
      if (el.firstElementChild || el.textContent?.trim()) emit(depth + 1, '… (depth)');
      return;
    }
    let lastWasEllipsis = false;
    for (let child = el.firstChild; child && !truncated; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) {
        walk(child as Element, depth + 1);
        lastWasEllipsis = false;
      } else if (child.nodeType === TEXT_NODE) {
        const text = describeText(child.nodeValue ?? '');
        if (!text || (text === '…' && lastWasEllipsis)) continue;
        emit(depth + 1, text);
        lastWasEllipsis = text === '…';
      }
      // comments, processing instructions: dropped
    }
  };

  if (doc.documentElement) walk(doc.documentElement, 0);
  if (truncated) lines.push('… (truncated)');
  return lines.join('\n');
}

/** The line of a misdetection report that says why recognition decided as it did: signal ids only. */
export const RECOGNITION_PREFIX = '# recognition: ';

/**
 * The misdetection report: the skeleton with, after its header, the recognition's own reasons as stable ids
 * (lib/page/recognition/explain.ts: families, signal ids, the predicate that chose the kind) — the same ids
 * `npm run classify -- --explain` prints; no value, no page text (the ids come from our data, never the page).
 */
export function misdetectionReport(doc: Document, url: string, why: (doc: Document, url: string) => string): string {
  const skeleton = skeletonOf(doc);
  const line = `${RECOGNITION_PREFIX}${why(doc, url).replace(/[^A-Za-z0-9_.:,=/ -]/g, '_').slice(0, 2000)}`;
  const [header, ...rest] = skeleton.split('\n');
  return [header, line, ...rest].join('\n');
}

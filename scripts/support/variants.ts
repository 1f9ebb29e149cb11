/**
 * Robustness tested, not assumed (issue 14, item 3). Two generators over the recognition corpus:
 * - `VARIATIONS` rewrite an SPSE page in the ways real LPSEs differ; identity and kind must hold;
 * - `DRESSINGS` dress a page that is not SPSE with SPSE's evidence, one family at a time; it must stay not SPSE.
 * Both work on the parsed DOM (one parse per variant) and are scored per kind (precision, recall) by
 * `scoreCorpus`: what `npm run corpus` prints and tests/unit/variants.test.ts asserts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';
import { describePage } from '../../lib/worker/describe';
import { FAMILIES, identityOf, type Family } from '../../lib/page/recognition/identity';
import { PAGE_KINDS } from '../../lib/page/recognition/page-kinds';
import { SPSE_HOST } from '../../lib/spse/hosts';
import { siteFromUrl } from '../../lib/spse/site';
import { collect } from '../../lib/page/recognition/snapshot';
import { CORPUS_DIR, loadIndex, pathOf, type CorpusEntry } from './corpus';
import { parseHtml } from './parse-html';

type Mutate = (doc: Document, ctx: { url: string; generation: string }) => void;

const textNodes = (root: Node): Text[] => {
  const out: Text[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const w = doc.createTreeWalker(root, 0x4);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (tag !== 'SCRIPT' && tag !== 'STYLE') out.push(n as Text);
  }
  return out;
};
const replaceText = (doc: Document, re: RegExp, by: string | ((m: string, ...g: string[]) => string)) => {
  if (!doc.body) return;
  for (const t of textNodes(doc.body)) if (re.test(t.data)) t.data = t.data.replace(re, by as string);
};
const renameClass = (doc: Document, from: string, to: string) => {
  for (const el of Array.from(doc.getElementsByClassName(from))) {
    el.classList.remove(from);
    for (const c of to.split(' ')) el.classList.add(c);
  }
};
const renameAttr = (doc: Document, from: string, to: string) => {
  for (const el of Array.from(doc.querySelectorAll(`[${from}]`))) {
    el.setAttribute(to, el.getAttribute(from) ?? '');
    el.removeAttribute(from);
  }
};
const retag = (el: Element, tag: string) => {
  const doc = el.ownerDocument;
  const n = doc.createElement(tag);
  for (const a of Array.from(el.attributes)) n.setAttribute(a.name, a.value);
  while (el.firstChild) n.appendChild(el.firstChild);
  el.replaceWith(n);
};
const MENU_LINKS = 'nav a, .navbar a, .topmenu a, #topmenu a, ul.nav a, .menurekanan a, #menu a';
const VERSION = /\bSPSE v\d\.\du\d+\b/g;

/** Ways real LPSEs differ (spse-pages.md §1.1, §3.7, §B4 and the corpus README's "Variation"). */
export const VARIATIONS: Record<string, Mutate> = {
  // Footer and version formats of each generation.
  'version-format': (doc, { generation }) => {
    const by = generation === '3.x' ? 'Sistem Pengadaan Secara Elektronik v3.5' : generation === '4.x' ? 'Sistem Pengadaan Secara Elektronik (SPSE) versi 4.4u20211201' : 'SPSE versi 4.5u20250321';
    replaceText(doc, VERSION, by);
  },
  'version-build-only': (doc) => replaceText(doc, VERSION, 'Versi 4.3u20191009'),
  // Forms of the LKPP credit.
  'lkpp-credit-short': (doc) => {
    // The credit line (its "LKPP" often a link of its own) as the short form.
    for (const el of Array.from(doc.querySelectorAll('p, div, span, td')))
      if (el.childElementCount <= 1 && /^©.*lembaga kebijakan pengadaan.*\(\s*lkpp\s*\)$/i.test((el.textContent ?? '').replace(/\s+/g, ' ').trim())) el.textContent = 'Copyright © 2021 LKPP';
  },
  'lkpp-credit-dan': (doc) => replaceText(doc, /Lembaga Kebijakan Pengadaan Barang\/Jasa Pemerintah/g, 'Lembaga Kebijakan Pengadaan Barang dan Jasa Pemerintah'),
  'lkpp-credit-developer': (doc) => {
    // The credit as the developer, and the footer in a container of another name.
    replaceText(doc, /©\s*[\d-]+\s*Lembaga Kebijakan Pengadaan Barang\/Jasa Pemerintah/g, 'Dikembangkan oleh Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah');
    for (const f of Array.from(doc.querySelectorAll('footer, #footer, .footer'))) {
      if (f.tagName === 'FOOTER') retag(f, 'div');
      const el = doc.querySelector(`#${f.id || '__none'}`) ?? f;
      el.removeAttribute('id');
      el.classList.remove('footer');
      el.classList.add('site-bottom');
    }
  },
  casing: (doc) => {
    // Headings, menus and labels in another case (SPSE's generations differ: LOGOUT / Logout, BERANDA / Beranda).
    for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, a, button, label, legend, .card-header, .panel-heading')))
      for (const t of textNodes(el)) t.data = /[a-z]/.test(t.data) ? t.data.toUpperCase() : t.data.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  },
  'attribute-order': (doc) => {
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      const attrs = Array.from(el.attributes).map((a) => [a.name, a.value] as const);
      if (attrs.length < 2) continue;
      for (const [n] of attrs) el.removeAttribute(n);
      for (const [n, v] of attrs.reverse()) el.setAttribute(n, v);
    }
  },
  'extra-wrappers': (doc) => {
    const body = doc.body;
    if (!body) return;
    const outer = doc.createElement('div');
    outer.className = 'wrapper';
    const inner = doc.createElement('div');
    inner.className = 'container page-content';
    outer.appendChild(inner);
    while (body.firstChild) inner.appendChild(body.firstChild);
    body.appendChild(outer);
    for (const form of Array.from(doc.querySelectorAll('form'))) {
      const d = doc.createElement('div');
      d.className = 'form-wrap';
      form.replaceWith(d);
      d.appendChild(form);
    }
  },
  bootstrap3: (doc) => {
    for (const [a, b] of [['card', 'panel panel-default'], ['card-header', 'panel-heading'], ['card-body', 'panel-body'], ['card-title', 'panel-title'], ['float-right', 'pull-right'], ['float-left', 'pull-left'], ['ml-auto', 'navbar-right']] as const) renameClass(doc, a, b);
    for (const m of Array.from(doc.querySelectorAll('.modal.show'))) (m.classList.remove('show'), m.classList.add('in'));
  },
  bootstrap4: (doc) => {
    for (const [a, b] of [['panel', 'card'], ['panel-heading', 'card-header'], ['panel-body', 'card-body'], ['panel-title', 'card-title'], ['pull-right', 'float-right'], ['pull-left', 'float-left']] as const) renameClass(doc, a, b);
    for (const m of Array.from(doc.querySelectorAll('.modal.in'))) (m.classList.remove('in'), m.classList.add('show'));
  },
  bootstrap5: (doc) => {
    for (const [a, b] of [['float-right', 'float-end'], ['float-left', 'float-start'], ['pull-right', 'float-end'], ['ml-auto', 'ms-auto'], ['mr-auto', 'me-auto'], ['close', 'btn-close'], ['panel', 'card'], ['panel-heading', 'card-header'], ['panel-body', 'card-body']] as const) renameClass(doc, a, b);
    for (const m of Array.from(doc.querySelectorAll('.modal.in'))) (m.classList.remove('in'), m.classList.add('show'));
    renameAttr(doc, 'data-toggle', 'data-bs-toggle');
    renameAttr(doc, 'data-dismiss', 'data-bs-dismiss');
    renameAttr(doc, 'data-target', 'data-bs-target');
  },
  'menus-reordered-renamed': (doc) => {
    for (const ul of Array.from(doc.querySelectorAll('nav ul, .navbar ul, #topmenu ul, ul.nav, ul.navbar-nav'))) {
      const items = Array.from(ul.children);
      for (const li of items.reverse()) ul.appendChild(li);
    }
    const names: Record<string, string> = { 'CARI PAKET': 'Cari Paket', BERANDA: 'Beranda', 'DATA PENYEDIA': 'DATA PELAKU USAHA', 'DATA PELAKU USAHA': 'DATA PENYEDIA', REGULASI: 'Regulasi', INBOX: 'Inbox', 'LOG AKSES': 'Log Akses' };
    for (const a of Array.from(doc.querySelectorAll(MENU_LINKS)))
      for (const t of textNodes(a)) {
        const k = t.data.trim();
        if (names[k]) t.data = t.data.replace(k, names[k]!);
      }
  },
  'role-pelaku-usaha': (doc) => roleWord(doc, 'Pelaku Usaha'),
  'role-rekanan': (doc) => roleWord(doc, 'Rekanan'),
  'heading-to-paragraph': (doc) => {
    // The message moved from a heading into a paragraph (outside navigation, footer and modal headers).
    for (const h of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5'))) if (!h.closest('nav, .navbar, footer, #footer, .footer, .modal-header, noscript')) retag(h, 'p');
  },
};

// Everything at once: a page of another LPSE, another build and another theme.
VARIATIONS.combined = (doc, ctx) => {
  for (const v of ['version-format', 'lkpp-credit-developer', 'casing', 'attribute-order', 'extra-wrappers', 'bootstrap5', 'menus-reordered-renamed', 'role-rekanan', 'heading-to-paragraph']) VARIATIONS[v]!(doc, ctx);
};

/** "Penyedia" as SPSE's generations word it (§B4), where the role is named: the user line, menus, the home's heading. */
function roleWord(doc: Document, word: string) {
  const swap = (t: Text) => {
    t.data = t.data.replace(/(?<!non[\s-]?)\b(PENYEDIA|Penyedia|penyedia)\b/gi, (m) => (m === m.toUpperCase() ? word.toUpperCase() : word));
  };
  for (const el of Array.from(doc.querySelectorAll(`span[title], ${MENU_LINKS}`))) textNodes(el).forEach(swap);
  if (doc.body) for (const t of textNodes(doc.body)) if (/\b(beranda|halaman) penyedia\b/i.test(t.data)) swap(t);
}

// ── negatives ──────────────────────────────────────────────────────────────────────────────────────────

const add = (doc: Document, where: 'head' | 'body', html: string) => {
  const host = where === 'head' ? doc.head : doc.body;
  if (!host) return;
  const tpl = doc.createElement('div');
  tpl.innerHTML = html;
  while (tpl.firstChild) host.appendChild(tpl.firstChild);
};

/** SPSE's evidence, one family at a time, everything the family holds (signals.ts identity). */
export const DRESSINGS: Record<Family, (doc: Document, base: string) => void> = {
  product: (doc, base) => {
    add(doc, 'body', `<noscript><div class="alert alert-danger"><h5>Untuk tampilan Aplikasi SPSE yang lebih baik, harap aktifkan fitur JavaScript pada browser Anda</h5></div></noscript><img src="${base}/img/logo-spse.svg" alt="SPSE">`);
    add(doc, 'body', '<footer><p>Aplikasi SPSE v4.5u20250321</p><p>Sistem Pengadaan Secara Elektronik (SPSE) versi 4.4u20211201</p></footer>');
  },
  'lkpp-credit': (doc) => add(doc, 'body', '<footer><p>© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (<a href="http://www.lkpp.go.id">LKPP</a>)</p><p>Dikembangkan oleh LKPP</p></footer>'),
  framework: (doc, base) => {
    add(doc, 'head', `<meta name="generator" content="Apache Tapestry Framework (version 5.3.8)"><link rel="stylesheet" href="${base}/public/css/application.css"><link rel="stylesheet" href="${base}/assets/0123abcd4567ef89/core/t5-alerts.css">`);
    add(doc, 'body', '<input type="hidden" name="authenticityToken" value="0"><input type="hidden" name="t:formdata" value="0">');
  },
  'field-names': (doc) => {
    const text = doc.querySelector('input[type="text"], input:not([type]), input[type="email"]');
    const pass = doc.querySelector('input[type="password"]');
    if (text) text.setAttribute('name', 'txtUserId');
    if (pass) pass.setAttribute('name', 'txtPassword');
    add(doc, 'body', '<input type="hidden" name="isRekanan" value="true"><input type="text" name="txtCode">');
  },
  menu: (doc) => add(doc, 'body', '<nav class="navbar"><ul class="navbar-nav"><li><a href="#">BERANDA</a></li><li><a href="#">CARI PAKET</a></li><li><a href="#">LOG AKSES</a></li><li><a href="#">DATA PENYEDIA</a></li><li><a href="#">INBOX</a></li></ul></nav>'),
  'national-contacts': (doc) => add(doc, 'body', '<div class="contact"><h4>Hubungi Kami</h4><ul><li>Call Center 144</li><li>Whatsapp LKPP: 08 111 5577 09</li><li>layanan@lkpp.go.id</li></ul></div>'),
};

/**
 * Systems that are not SPSE, at addresses of SPSE's shape (where the content script runs with the legacy opt-in).
 * LKPP's own applications credit LKPP (and give its contacts) as SPSE does: they are dressed all the same.
 */
const negativeHtml = (title: string, body: string) => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
export const NEGATIVE_SYSTEMS: { id: string; urls: string[]; html: string }[] = [
  {
    id: 'company-eproc',
    urls: ['https://eproc.pln.co.id/eproc/login', 'https://eproc.ptpn.co.id/eproc4/login'],
    html: negativeHtml('Login - e-Procurement', '<div class="box"><h3>e-Procurement · Vendor Portal</h3><form method="post"><input type="hidden" name="_csrf" value="x"><label>Username</label><input type="text" name="username"><label>Kata Sandi</label><input type="password" name="password"><button type="submit">MASUK</button></form></div><p class="foot">Sistem Pengadaan Secara Elektronik &mdash; mengacu pada Peraturan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah</p>'),
  },
  {
    id: 'e-katalog',
    urls: ['https://e-katalog.lkpp.go.id/eproc/login', 'https://katalog.inaproc.id/eproc4/login'],
    html: negativeHtml('Katalog Elektronik', '<header><a href="/">Beranda</a> <a href="/produk">Produk</a></header><h2>Masuk ke Katalog Elektronik</h2><form method="post"><input type="text" name="username" placeholder="Username"><input type="password" name="password"><button id="btnLoginPenyedia">Login Penyedia</button></form><footer>© 2026 LKPP</footer>'),
  },
  {
    id: 'sikap',
    urls: ['https://sikap.lkpp.go.id/eproc/login'],
    html: negativeHtml('SiKAP - Sistem Informasi Kinerja Penyedia', '<div class="container"><h3>SiKAP</h3><p>Sistem Informasi Kinerja Penyedia</p><form method="post"><input type="text" name="userid"><input type="password" name="password"><button type="submit">Login</button></form></div><footer>Hak Cipta © 2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah</footer>'),
  },
  {
    id: 'inaproc-account',
    urls: ['https://login-akun.inaproc.id/eproc4/login'],
    html: negativeHtml('Masuk - Akun INAPROC', '<main><h1>Masuk ke Akun INAPROC</h1><form method="post"><label>Email</label><input type="email" name="email"><label>Kata Sandi</label><input type="password" name="password"><button type="submit">Lanjut</button></form><p>Manajemen Akun Terpusat</p></main><footer>© 2026 LKPP · Call Center 144 · layanan@lkpp.go.id</footer>'),
  },
  {
    id: 'webmail',
    urls: ['https://webmail.example.co.id/eproc/login'],
    html: negativeHtml('Webmail Login', '<div id="login-form"><h1>Webmail</h1><form method="post"><input type="text" name="_user"><input type="password" name="_pass"><button type="submit">Login</button></form></div><ul><li><a href="#">Beranda</a></li><li><a href="#">Inbox</a></li></ul>'),
  },
];

// ── scoring ────────────────────────────────────────────────────────────────────────────────────────────

export const NOT_SPSE = 'not-spse' as const;
export type Outcome = (typeof PAGE_KINDS)[number] | typeof NOT_SPSE;

export interface Case {
  /** `file` or `file ~ variation` or `system@url + family`. */
  id: string;
  source: 'corpus' | 'variant' | 'negative';
  expected: Outcome;
  got: Outcome;
  /** Step and role where the index expects them, for corpus pages and their variants. */
  ok: boolean;
}

export const expectedVariantFailureSchema = z.array(z.strictObject({ case: z.string(), why: z.string().min(20) }));
export const EXPECTED_VARIANT_FAILURES = resolve(CORPUS_DIR, 'expected-variant-failures.json');
export const loadExpectedVariantFailures = () => expectedVariantFailureSchema.parse(JSON.parse(readFileSync(EXPECTED_VARIANT_FAILURES, 'utf8')));

function judge(e: CorpusEntry, url: string, doc: Document): { got: Outcome; ok: boolean } {
  const d = describePage(url, collect(doc));
  const got: Outcome = d.spse ? d.kind! : NOT_SPSE;
  const x = e.expect;
  const ok = d.spse === x.spse && (!x.spse || ((x.kind === undefined || d.kind === x.kind) && (x.step === undefined || d.step === x.step) && (x.role === undefined || d.role === x.role)));
  return { got, ok };
}

const expectedOf = (e: CorpusEntry): Outcome => (e.expect.spse ? e.expect.kind ?? 'other' : NOT_SPSE);

/** Negatives not dressed with a family because they carry another family of their own (said, never hidden). */
export const notDressed: { id: string; native: Family[]; family: Family }[] = [];

/** Every corpus page, every variation of every SPSE page, every negative dressed one family at a time. */
export function* cases(): Generator<Case> {
  for (const e of loadIndex()) {
    const html = readFileSync(pathOf(e.file), 'utf8');
    const base = { id: e.file, expected: expectedOf(e) };
    // One parse per page; each variant rewrites a copy of it (a clone costs half a parse).
    const { document, close } = parseHtml(html, e.url);
    try {
      yield { ...base, source: 'corpus', ...judge(e, e.url, document) };
      // Variations only of SPSE pages: genuine addresses and look-alikes alike (the look-alike guard needs the
      // same identity). Hostile pages are kept as they are (their point is their markup).
      if (!e.expect.spse || e.file.startsWith('hostile/')) continue;
      const site = siteFromUrl(e.url);
      for (const [name, mutate] of Object.entries(VARIATIONS)) {
        const copy = document.cloneNode(true) as Document;
        mutate(copy, { url: e.url, generation: site?.generation ?? '4.5' });
        yield { ...base, id: `${e.file} ~ ${name}`, source: 'variant', ...judge(e, e.url, copy) };
      }
    } finally {
      void close();
    }
  }
  const negatives = [
    ...NEGATIVE_SYSTEMS.flatMap((n) => n.urls.map((url) => ({ id: `${n.id}@${url}`, url, html: n.html }))),
    // The corpus's own non-SPSE pages, at their address when it has SPSE's shape, else under /eproc/ of their
    // host (on spse.inaproc.id, at an LPSE's path).
    ...loadIndex()
      .filter((e) => e.file.startsWith('non-spse/'))
      .map((e) => {
        const u = new URL(e.url);
        return { id: e.file, url: siteFromUrl(u) ? e.url : u.hostname === SPSE_HOST ? `${u.origin}/jakarta/` : `${u.origin}/eproc/login`, html: readFileSync(pathOf(e.file), 'utf8') };
      }),
  ];
  for (const n of negatives) {
    const site = siteFromUrl(n.url)!;
    const { document, close } = parseHtml(n.html, n.url);
    try {
      // Families of its own, counter-evidence aside: LKPP's other applications carry LKPP's credit as SPSE does.
      const native = identityOf(collect(document).evidence, site).families;
      for (const family of FAMILIES) {
        // A page that carries a family of its own can only be dressed with that family (two families are SPSE by
        // the rule), unless it names itself as another system (counter-evidence: signals.ts `otherSystems`).
        if (native.length && !native.includes(family) && !collect(document).otherSystem) {
          notDressed.push({ id: n.id, native, family });
          continue;
        }
        const copy = document.cloneNode(true) as Document;
        DRESSINGS[family](copy, site.base);
        const d = describePage(n.url, collect(copy));
        yield { id: `${n.id} + ${family}`, source: 'negative', expected: NOT_SPSE, got: d.spse ? d.kind! : NOT_SPSE, ok: !d.spse };
      }
    } finally {
      void close();
    }
  }
}

export interface KindScore {
  kind: Outcome;
  expected: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

/** Per kind (and not-SPSE): precision = right ÷ predicted as it, recall = right ÷ expected as it. */
export function score(all: readonly Case[]): KindScore[] {
  return ([...PAGE_KINDS, NOT_SPSE] as Outcome[]).map((kind) => {
    const expected = all.filter((c) => c.expected === kind).length;
    const predicted = all.filter((c) => c.got === kind).length;
    const correct = all.filter((c) => c.expected === kind && c.got === kind).length;
    return { kind, expected, predicted, correct, precision: predicted ? correct / predicted : 1, recall: expected ? correct / expected : 1 };
  });
}

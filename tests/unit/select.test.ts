// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { firstByTag, LISTING_ROWS, pageScope, selectAll, selectMany, SMALL_PAGE } from '@/lib/page/recognition/select';

describe('selectAll (fast-path selector lists)', () => {
  it('returns what querySelectorAll returns, in document order, for tags, classes, ids, compounds and descendants', () => {
    document.body.innerHTML = `<h2 id="a" class="x">A</h2><div class="alert"><h4>B</h4></div><form id="formLogout" action="/j/logout"></form>
      <nav><a href="/j/logout">out</a></nav><div role="alert">C</div><div id="myModal"><p class="modal-header">D</p></div>
      <div class="alert alert-warning">E</div><div class="alert-warning">F</div><div class="alert x alert-warning">G</div>`;
    for (const sel of ['h2, h4, .alert, [role="alert"]', '#formLogout, form[action$="/logout"], a[href*="logout"]', 'nav a, #myModal .modal-header', '.x, h2, #a', '.alert.alert-warning, .x', '.alert-warning.alert.x'])
      expect(selectAll(document, sel), sel).toEqual(Array.from(document.querySelectorAll(sel)));
    const lists = ['h2, [role="alert"]', 'a[href*="logout"], #formLogout', 'nav a, .modal-header'];
    expect(selectMany(document, lists)).toEqual(lists.map((l) => Array.from(document.querySelectorAll(l))));
    expect(selectAll(document.querySelector('.alert')!, 'h4, h2').map((e) => e.textContent)).toEqual(['B']);
  });
});

describe('pageScope (the rows of listings are data)', () => {
  const rows = (n: number, cell: string) => Array.from({ length: n }, (_, i) => `<tr><td>${cell.replace('#', String(i))}</td></tr>`).join('');
  it('leaves out the rows of a table body of LISTING_ROWS rows or more, and only those', () => {
    document.body.innerHTML = `<div class="content"><h2>Cari Paket</h2><form action="/j/logout"></form>
      <table class="table"><thead><tr><th><h4>Head</h4></th></tr></thead>
        <tbody id="big">${rows(LISTING_ROWS, '<h4>row #</h4><a href="/j/logout">x</a><div class="alert">r</div>')}</tbody>
        <tfoot><tr><td class="alert">Foot</td></tr></tfoot></table>
      <table><tbody id="small">${rows(LISTING_ROWS - 1, '<h4>small #</h4>')}</tbody></table></div><footer><h4>F</h4></footer>`;
    const scope = pageScope(document);
    expect(scope.roots).not.toContain(document);
    const lists = ['h2, h4, .alert', '.content, form[action$="/logout"], a[href*="logout"]', 'tbody'];
    const [headings, blocks, bodies] = selectMany(scope, lists).map((els) => els.map((e) => e.textContent?.trim().slice(0, 12) || e.tagName));
    expect(headings).toEqual(['Cari Paket', 'Head', 'Foot', ...Array.from({ length: LISTING_ROWS - 1 }, (_, i) => `small ${i}`), 'F']);
    expect(blocks?.[0]).toMatch(/^Cari Paket/); // an ancestor of the listing matches itself
    expect(blocks).toHaveLength(2); // .content and the logout form; the rows' logout links are left out
    expect(bodies).toEqual([expect.stringMatching(/^small 0/)]); // the listing's body goes with its rows
    // Without listings the scope is the whole document, and the answers are querySelectorAll's.
    document.querySelector('#big')!.remove();
    expect(pageScope(document).roots).toEqual([document]);
    expect(selectAll(pageScope(document), 'h4, .alert')).toEqual(Array.from(document.querySelectorAll('h4, .alert')));
  });

  it('a small page is searched list by list with querySelectorAll, a large one through the fast paths: same answers', () => {
    const lists = ['h2, .alert, [role="alert"]', 'input', 'nav a, .modal-header, #x'];
    for (const [n, small] of [[10, true], [SMALL_PAGE, false]] as const) {
      // A duplicated id too: querySelectorAll finds both, as the answers must.
      document.body.innerHTML = `<h2 id="x">T</h2><div class="alert">A</div><nav><a>m</a></nav><form><input name="a"></form>${'<div><span>p</span></div>'.repeat(n / 2)}<div role="alert" id="x">B</div>`;
      const scope = pageScope(document);
      expect(scope.small).toBe(small);
      expect(selectMany(scope, lists)).toEqual(lists.map((l) => Array.from(document.querySelectorAll(l))));
    }
  });
});

describe('pageScope keeps what a listing must not hide', () => {
  const rows = (n: number, cell: string) => Array.from({ length: n }, (_, i) => `<tr><td>${cell.replace('#', String(i))}</td></tr>`).join('');
  it('a long table body holding fields is a form, not a listing; a listing inside another listing goes with it', () => {
    document.body.innerHTML = `<table><tbody id="form">${rows(LISTING_ROWS, '<input name="f#">')}</tbody></table>
      <table><tbody id="outer">${rows(LISTING_ROWS, '<h4>outer #</h4>')}<tr><td><table><tbody id="inner">${rows(LISTING_ROWS, '<h4>inner #</h4>')}</tbody></table></td></tr></tbody></table><h2>After</h2>`;
    const [fields, headings] = selectMany(pageScope(document), ['input', 'h2, h4']);
    expect(fields).toHaveLength(LISTING_ROWS);
    expect(headings!.map((h) => h.textContent)).toEqual(['After']);
  });
});

describe('the phishing guard sees a login form hidden in a long table', () => {
  it('loginFormAnywhere holds for a password field in the 40th row of a table', async () => {
    const { collect } = await import('@/lib/page/recognition/snapshot');
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>${i === 39 ? '<input type="password" name="p">' : 'pad'}</td></tr>`).join('');
    document.body.innerHTML = `<table><tbody>${rows}</tbody></table>`;
    expect(collect(document).loginFormAnywhere).toBe(true);
  });
});

describe('firstByTag (the first elements of a tag outside listings)', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `<tr><td><a href="/j/lelang/${i}">row ${i}</a></td></tr>`).join('');
  it('takes them in document order, leaves the listing rows out, and stops at its bound', () => {
    document.head.innerHTML = '<link rel="author" href="/j/public/css/a.css">';
    document.body.innerHTML = `<a href="/j/">BERANDA</a><div><a href="/j/lelang">CARI PAKET</a><table><tbody>${rows(LISTING_ROWS + 5)}</tbody></table><a href="/j/logout">x</a></div><footer><a href="/j/kontak">Kontak</a></footer>`;
    const scope = pageScope(document);
    expect(firstByTag(scope, 'a', 10).map((a) => a.textContent)).toEqual(['BERANDA', 'CARI PAKET', 'x', 'Kontak']);
    expect(firstByTag(scope, 'a', 2).map((a) => a.textContent)).toEqual(['BERANDA', 'CARI PAKET']);
    expect(firstByTag(scope, 'link', 5).map((l) => l.getAttribute('href'))).toEqual(['/j/public/css/a.css']);
    expect(firstByTag(scope, 'img', 5)).toEqual([]);
    // Without a listing the scope is the document.
    document.body.innerHTML = '<a href="/j/">1</a><p><a href="/j/2">2</a></p>';
    expect(firstByTag(pageScope(document), 'a', 5).map((a) => a.textContent)).toEqual(['1', '2']);
  });
});

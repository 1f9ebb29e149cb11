// @vitest-environment happy-dom
// The skeleton sent with a misdetection report: structure only, never values, never the page's text.
import { describe, expect, it } from 'vitest';
import { SKELETON_HEADER, SKELETON_MAX_BYTES, SKELETON_MAX_DEPTH, SKELETON_MAX_NODES, skeletonOf } from '../../lib/skeleton';

function docOf(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('skeletonOf', () => {
  it('keeps tags, ids, classes, field names and types; SPSE labels stay, other text becomes …', () => {
    const s = skeletonOf(
      docOf(`<html><head><title>LPSE Kota Contoh</title><script>var secret = 'x';</script><style>.a{}</style></head>
      <body><div id="main" class="container login-box" data-token="t0k3n">
        <h4>PILIH JENIS USER</h4><button type="button" role="tab" class="btn">penyedia</button>
        <form name="f" action="/login?session=abc" method="post">
          <label>User ID</label><input type="text" name="txtUserId" placeholder="isi user id">
          <p>Selamat datang Bapak Budi</p>
        </form></div></body></html>`),
    );
    expect(s.split('\n')[0]).toBe(SKELETON_HEADER);
    expect(s).toContain('div#main.container.login-box');
    expect(s).toContain('"PILIH JENIS USER"');
    expect(s).toContain('button.btn[type=button][role=tab]');
    expect(s).toContain('"PENYEDIA"');
    expect(s).toContain('form[name=f]');
    expect(s).toContain('"USER ID"');
    expect(s).toContain('input[name=txtUserId][type=text]');
    expect(s).toContain('…');
    for (const gone of ['Kota Contoh', 'secret', 'style', 'script', 't0k3n', 'session', 'abc', 'isi user id', 'Budi', 'post']) expect(s).not.toContain(gone);
  });

  it("never carries a password field's value, typed or in the markup", () => {
    const doc = docOf('<form><input type="password" name="txtPassword" value="rahasia-123"><input type="hidden" name="authenticityToken" value="tok-987"></form>');
    (doc.querySelector('input[type=password]') as HTMLInputElement).value = 'typed-secret-456';
    const s = skeletonOf(doc);
    expect(s).toContain('input[name=txtPassword][type=password]');
    expect(s).toContain('input[name=authenticityToken][type=hidden]');
    for (const gone of ['rahasia', '123', 'typed-secret', '456', 'tok-987']) expect(s).not.toContain(gone);
  });

  it('never carries an input value, a textarea, a select choice or an option value', () => {
    const doc = docOf(`<form><input name="txtUserId" value="SENTOSA01"><textarea name="note">catatan pribadi LOGIN</textarea>
      <select name="pilih"><option value="rahasia-opt" selected>Pilihan Rahasia</option></select></form>`);
    (doc.querySelector('input') as HTMLInputElement).value = 'MITRAKARYA';
    const s = skeletonOf(doc);
    expect(s).toContain('input[name=txtUserId]');
    expect(s).toContain('textarea[name=note]');
    expect(s).toContain('select[name=pilih]');
    for (const gone of ['SENTOSA01', 'MITRAKARYA', 'catatan', 'rahasia', 'Rahasia']) expect(s).not.toContain(gone);
  });

  it('never carries hostile text or markup, in text or in kept attributes', () => {
    const hostile = '<img src=x onerror=alert(1)>"; DROP TABLE';
    const doc = docOf('<div></div>');
    const div = doc.querySelector('div')!;
    div.textContent = hostile;
    div.id = hostile;
    div.className = 'ok <script>alert(2)</script>';
    div.setAttribute('name', 'a"b\nc');
    div.setAttribute('onclick', 'alert(3)');
    doc.body.appendChild(doc.createComment('a comment with rahasia-123'));
    const s = skeletonOf(doc);
    for (const gone of ['<', '>', 'alert(', 'onerror=', 'DROP TABLE', '"b', 'rahasia', 'comment']) expect(s).not.toContain(gone);
    expect(s.split('\n').every((line) => /^ *[A-Za-z0-9_.:\-[\]#=…"() ]*$/.test(line) || line === SKELETON_HEADER)).toBe(true);
  });

  it('a page of 5,000 elements stays within the node and size bounds', () => {
    const doc = docOf('<div id="root"></div>');
    const root = doc.getElementById('root')!;
    for (let i = 0; i < 5000; i++) {
      const el = doc.createElement('span');
      el.className = `c${i} ${'x'.repeat(200)}`;
      el.textContent = `baris ${i}`;
      root.appendChild(el);
    }
    const s = skeletonOf(doc);
    const lines = s.split('\n');
    expect(lines.length).toBeLessThanOrEqual(SKELETON_MAX_NODES + 2);
    expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(SKELETON_MAX_BYTES);
    expect(lines[lines.length - 1]).toBe('… (truncated)');
    expect(s).not.toContain('baris');
  });

  it('stays bounded on a page nested far deeper than the depth limit', () => {
    const doc = docOf('<div id="d0"></div>');
    let el = doc.getElementById('d0')!;
    for (let i = 1; i < 2000; i++) {
      const child = doc.createElement('div');
      el.appendChild(child);
      el = child;
    }
    el.textContent = 'di dasar';
    const s = skeletonOf(doc);
    const deepest = Math.max(...s.split('\n').map((l) => (l.match(/^ */)?.[0].length ?? 0) / 2));
    expect(deepest).toBeLessThanOrEqual(SKELETON_MAX_DEPTH);
    expect(s).toContain('… (depth)');
    expect(s).not.toContain('dasar');
  });
});

describe('misdetection report', () => {
  it('carries the recognition’s signal ids after the header, and still no value or page text', async () => {
    const { misdetectionReport, RECOGNITION_PREFIX } = await import('../../lib/skeleton');
    const { explain, explainLine } = await import('../../lib/page/recognition/explain');
    const { collect } = await import('../../lib/page/recognition/snapshot');
    const doc = docOf(`<html><head><title>LPSE Kota Rahasia</title></head><body><img src="/jakarta/public/images/global/logo-spse.svg">
      <form><input name="txtUserId" value="SECRETUSER"><input type="password" name="txtPassword" value="rahasia-123"></form>
      <p>Budi Santoso</p><footer>© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP)</footer></body></html>`);
    const url = 'https://spse.inaproc.id/jakarta/login/penyedia';
    const report = misdetectionReport(doc, url, (d, u) => explainLine(explain(u, collect(d))));
    const lines = report.split('\n');
    expect(lines[0]).toBe(SKELETON_HEADER);
    expect(lines[1]!.startsWith(RECOGNITION_PREFIX)).toBe(true);
    for (const id of ['spse=1', 'product:spse-logo', 'framework:play-public-assets', 'field-names:txtuserid', 'kind=login', 'predicate=isLogin', 'login-step:one-form']) expect(lines[1]).toContain(id);
    for (const gone of ['SECRETUSER', 'rahasia', 'Budi', 'Rahasia', 'Lembaga']) expect(report).not.toContain(gone);
  });
});

/**
 * The SPSE simulator, exercised through its proxy exactly as a browser would use it:
 * CONNECT host:443 + TLS (certPem as the only CA, SNI set) for https://, absolute-form requests for http://.
 */
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Simulator, startSimulator } from '../../scripts/simulator/server.js';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(async () => {
  await sim?.close();
});

interface Resp {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Minimal cookie jar: host + path prefix, as a browser would scope `Path=/<slug>` cookies. */
class Jar {
  private cookies: { host: string; path: string; name: string; value: string }[] = [];
  store(host: string, setCookie: string[] | undefined): void {
    for (const sc of setCookie ?? []) {
      const [pair, ...attrs] = sc.split(';');
      const i = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, i).trim();
      const value = (pair ?? '').slice(i + 1).trim();
      const pathAttr = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='));
      const path = pathAttr ? pathAttr.slice(5) : '/';
      const expired = attrs.some((a) => a.trim().toLowerCase() === 'max-age=0');
      this.cookies = this.cookies.filter((c) => !(c.host === host && c.path === path && c.name === name));
      if (!expired) this.cookies.push({ host, path, name, value });
    }
  }
  header(host: string, path: string): string {
    return this.cookies
      .filter((c) => c.host === host && (path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

function connectTunnel(host: string, port = 443): Promise<{ status: number; socket: net.Socket }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: sim.proxyPort, method: 'CONNECT', path: `${host}:${port}` });
    req.on('connect', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
    req.on('response', (res) => {
      // some Node versions deliver a non-2xx CONNECT reply as 'connect' too; handle both
      res.resume();
      resolve({ status: res.statusCode ?? 0, socket: res.socket });
    });
    req.on('error', reject);
    req.end();
  });
}

async function request(
  url: string,
  opts: { method?: string; form?: Record<string, string>; jar?: Jar } = {},
): Promise<Resp> {
  const u = new URL(url);
  const method = opts.method ?? (opts.form ? 'POST' : 'GET');
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  const headers: Record<string, string> = { Host: u.host };
  const cookie = opts.jar?.header(u.hostname, u.pathname);
  if (cookie) headers.Cookie = cookie;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  let reqOpts: http.RequestOptions;
  if (u.protocol === 'https:') {
    const tunnel = await connectTunnel(u.hostname);
    if (tunnel.status !== 200) throw new Error(`CONNECT ${u.hostname} refused: ${tunnel.status}`);
    const tlsSocket = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ socket: tunnel.socket, servername: u.hostname, ca: sim.certPem, rejectUnauthorized: true }, () =>
        resolve(s),
      );
      s.on('error', reject);
    });
    reqOpts = { method, path: u.pathname + u.search, headers, createConnection: () => tlsSocket };
  } else {
    reqOpts = { host: '127.0.0.1', port: sim.proxyPort, method, path: u.href, headers, agent: false };
  }
  return new Promise<Resp>((resolve, reject) => {
    const req = http.request(reqOpts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'];
        opts.jar?.store(u.hostname, setCookie);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.socket?.destroy();
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Follows redirects (GET), like a browser after a form POST. */
async function follow(first: Resp, base: string, jar: Jar): Promise<{ res: Resp; url: string }> {
  let res = first;
  let url = base;
  for (let i = 0; i < 5 && res.status >= 300 && res.status < 400; i++) {
    url = new URL(String(res.headers.location), url).href;
    res = await request(url, { jar });
  }
  return { res, url };
}

function token(html: string): string {
  const m = /name="authenticityToken" value="([0-9a-f]{40})"/.exec(html);
  if (!m?.[1]) throw new Error('no authenticityToken in page');
  return m[1];
}

const PASSWORD = 'rahasia-123';
const SPSE_NOSCRIPT = 'Untuk tampilan Aplikasi SPSE yang lebih baik';

/** The 4.5 flow: selecttype -> User ID page -> loginpass (+captcha) -> [otp] -> landing page. */
async function login45(base: string, userId: string, password: string, jar = new Jar()): Promise<{ res: Resp; url: string; jar: Jar }> {
  const sel = await request(`${base}/publik/selecttype`, { jar });
  expect(sel.status).toBe(200);
  const path = new URL(base).pathname;
  expect(sel.body).toContain(`${path}/login/penyedia`);
  const page = await request(`${base}/login/penyedia`, { jar });
  expect(page.body).toContain('name="txtUserId"');
  const r1 = await request(`${base}/login/penyedia`, { jar, form: { authenticityToken: token(page.body), txtUserId: userId } });
  expect(r1.status).toBe(302);
  expect(r1.headers.location).toBe(`${path}/loginpass`);
  const lp = await request(`${base}/loginpass`, { jar });
  expect(lp.body).toContain('id="txtPassword"');
  expect(lp.body).toMatch(/<img[^>]+src="[^"]*showcaptcha/);
  const r2 = await request(`${base}/loginpass`, {
    jar,
    form: { authenticityToken: token(lp.body), txtPassword: password, txtCode: 'abcde' },
  });
  const out = await follow(r2, `${base}/loginpass`, jar);
  return { ...out, jar };
}

describe('SPSE simulator', () => {
  it('exposes its addresses, certificate and accounts', () => {
    expect(sim.proxyUrl).toBe(`http://127.0.0.1:${sim.proxyPort}`);
    expect(sim.spkiHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(sim.certPem).toContain('BEGIN CERTIFICATE');
    expect(sim.listUrl).toBe('https://spse.inaproc.id/');
    expect(sim.lpses.map((l) => l.baseUrl)).toEqual([
      'https://spse.inaproc.id/jakarta',
      'https://spse.inaproc.id/kemkes',
      'https://spse.inaproc.id/batangkab',
      'https://lpse.jatengprov.go.id/eproc4',
      'https://lpse.kepahiangkab.go.id/eproc',
    ]);
    expect(sim.nonSpsePages).toEqual(['https://eproc.pln.co.id/eproc/login', 'https://webmail.example.co.id/login']);
    expect(sim.accounts.length).toBeGreaterThanOrEqual(7);
  });

  it('serves every LPSE home over https with SPSE markers, and the list page', async () => {
    for (const l of sim.lpses) {
      const r = await request(`${l.baseUrl}/`);
      expect(r.status, l.baseUrl).toBe(200);
      expect(r.body).toContain('Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah');
      expect(r.body).toContain(l.name);
      if (l.generation === '4.5') {
        expect(r.body).toContain(SPSE_NOSCRIPT);
        expect(r.body).toContain('Aplikasi SPSE v4.5u20250321');
        expect(r.body).toContain('id="login"');
        expect(r.body).toContain('id="myModal"');
        expect(r.body).toContain(`$("#loginloader").load("${new URL(l.baseUrl).pathname}/publik/selecttype"`);
        expect(r.body).not.toMatch(/<script[^>]+src="https?:/);
      } else if (l.generation === '4.x') {
        expect(r.body).toContain(SPSE_NOSCRIPT);
        expect(r.body).toContain('SPSE v4.3u20191009');
      } else {
        expect(r.body).toContain('LOGIN PENYEDIA');
        expect(r.body).toContain('© 2006-2015');
      }
    }
    const list = await request(sim.listUrl);
    expect(list.status).toBe(200);
    for (const l of sim.lpses) expect(list.body).toContain(`${l.baseUrl}/`);
    for (const a of sim.accounts) expect(list.body).toContain(a.userId);
    const js = await request('https://spse.inaproc.id/kemkes/public/js/bootstrap.bundle.min.js');
    expect(js.status).toBe(200);
    expect(js.body).toContain('Bootstrap v4.6.2');
  });

  it('answers unknown paths with the SPSE 404 page', async () => {
    const r = await request('https://spse.inaproc.id/jakarta/tidak/ada');
    expect(r.status).toBe(404);
    expect(r.body).toContain('Halaman yang dituju tidak ditemukan');
  });

  it('refuses other hosts without opening any outbound connection', async () => {
    const spy = vi.spyOn(net.Socket.prototype, 'connect');
    try {
      const t = await connectTunnel('example.org');
      expect(t.status).toBe(403);
      t.socket.destroy();
      const t2 = await connectTunnel('spse.inaproc.id', 8443);
      expect(t2.status).toBe(403);
      t2.socket.destroy();
      const h = await request('http://example.org/');
      expect(h.status).toBe(502);
      const targets = spy.mock.calls.map((args) => {
        const a0: unknown = args[0];
        if (a0 && typeof a0 === 'object' && 'host' in a0) return String((a0 as { host?: unknown }).host);
        if (Array.isArray(a0)) {
          const o: unknown = a0[0];
          if (o && typeof o === 'object' && 'host' in o) return String((o as { host?: unknown }).host);
        }
        return typeof args[1] === 'string' ? args[1] : '127.0.0.1';
      });
      for (const t of targets) expect(['127.0.0.1', 'localhost', 'undefined']).toContain(t);
    } finally {
      spy.mockRestore();
    }
    await expect(request('https://example.org/')).rejects.toThrow(/refused: 403/);
  });

  it('serves the same pages over plain http:// through the proxy', async () => {
    const r = await request('http://spse.inaproc.id/jakarta/');
    expect(r.status).toBe(200);
    expect(r.body).toContain(SPSE_NOSCRIPT);
    const j = await request('http://lpse.jatengprov.go.id/eproc4/login');
    expect(j.status).toBe(200);
    expect(j.body).toContain('name="txtUserId"');
  });

  it('4.5: account 1 logs in locally and by roaming, and logs out', async () => {
    const local = await login45('https://spse.inaproc.id/jakarta', 'SENTOSA01', PASSWORD);
    expect(local.url).toBe('https://spse.inaproc.id/jakarta/home');
    expect(local.res.status).toBe(200);
    expect(local.res.body).toContain('id="logout"');
    expect(local.res.body).toContain('<form id="formLogout" action="/jakarta/logout" method="post">');
    expect(local.res.body).toContain('[SENTOSA01]');
    expect(local.res.body).toContain('- Penyedia</span>');
    const out = await request('https://spse.inaproc.id/jakarta/logout', { method: 'POST', jar: local.jar });
    expect(out.status).toBe(302);
    const after = await request('https://spse.inaproc.id/jakarta/home', { jar: local.jar });
    expect(after.body).not.toContain('id="logout"');

    const roaming = await login45('https://spse.inaproc.id/batangkab', 'sentosa01', PASSWORD);
    expect(roaming.url).toBe('https://spse.inaproc.id/batangkab/home');
    expect(roaming.res.body).toContain('id="logout"');
  });

  it('4.5: a wrong password shows an alert-danger on loginpass', async () => {
    const r = await login45('https://spse.inaproc.id/jakarta', 'SENTOSA01', 'salah');
    expect(r.url).toBe('https://spse.inaproc.id/jakarta/loginpass');
    expect(r.res.status).toBe(200);
    expect(r.res.body).toMatch(/<div class="alert alert-danger">[^<]+<\/div>/);
    expect(r.res.body).not.toContain('value="salah"');
  });

  it('4.5: the non-active account sees its replacement User ID', async () => {
    const r = await login45('https://spse.inaproc.id/batangkab', 'LESTARI.BTG', PASSWORD);
    expect(r.url).toBe('https://spse.inaproc.id/batangkab/home');
    expect(r.res.body).toContain('User ID yang Anda gunakan saat ini sudah tidak aktif');
    expect(r.res.body).toContain('<strong id="userIdPengganti">LESTARIABADI</strong>');
    expect(r.res.body).not.toContain('id="logout"');
  });

  it('4.5: non-default User ID and not-activated account fail when roaming; activation then opens roaming', async () => {
    const nd = await login45('https://spse.inaproc.id/jakarta', 'MITRAKARYA.BTG', PASSWORD);
    expect(nd.res.body).toContain('alert alert-danger');
    const ndLocal = await login45('https://spse.inaproc.id/batangkab', 'MITRAKARYA.BTG', PASSWORD);
    expect(ndLocal.res.body).toContain('id="logout"');

    sim.reset();
    const roam = await login45('https://spse.inaproc.id/kemkes', 'BERKAHJAYA', PASSWORD);
    expect(roam.res.body).toContain('alert alert-danger');
    const local = await login45('https://spse.inaproc.id/batangkab', 'BERKAHJAYA', PASSWORD);
    expect(local.url).toBe('https://spse.inaproc.id/batangkab/home');
    expect(local.res.body).toContain('Aktivasi Agregasi Data Penyedia (ADP)');
    expect(local.res.body).toContain('User ID Tunggal');
    const act = await request('https://spse.inaproc.id/batangkab/aktivasi', {
      jar: local.jar,
      form: { authenticityToken: token(local.res.body), setuju: 'true' },
    });
    const done = await follow(act, 'https://spse.inaproc.id/batangkab/aktivasi', local.jar);
    expect(done.res.body).toContain('id="selamatDatang"');
    const roamAgain = await login45('https://spse.inaproc.id/kemkes', 'BERKAHJAYA', PASSWORD);
    expect(roamAgain.url).toBe('https://spse.inaproc.id/kemkes/home');
    sim.reset();
  });

  it('4.5: admin notice and 2FA', async () => {
    const n = await login45('https://spse.inaproc.id/kemkes', 'NUSANTARA88', PASSWORD);
    expect(n.res.body).toContain('Pemberitahuan dari Admin');
    expect(n.res.body).toContain('helpdesk@kemkes.lpse.example');

    const o = await login45('https://spse.inaproc.id/kemkes', 'DIGITALOTP', PASSWORD);
    expect(o.url).toBe('https://spse.inaproc.id/kemkes/login/otp');
    expect(o.res.body).toContain('name="txtOtp"');
    const bad = await request('https://spse.inaproc.id/kemkes/login/otp', { jar: o.jar, form: { authenticityToken: token(o.res.body), txtOtp: '000000' } });
    expect(bad.body).toContain('alert alert-danger');
    const ok = await request('https://spse.inaproc.id/kemkes/login/otp', { jar: o.jar, form: { authenticityToken: token(bad.body), txtOtp: '246810' } });
    const home = await follow(ok, 'https://spse.inaproc.id/kemkes/login/otp', o.jar);
    expect(home.url).toBe('https://spse.inaproc.id/kemkes/home');
    expect(home.res.body).toContain('id="logout"');
  });

  it('4.x: one-form login (POST /eproc4/login) works, roaming with a non-default User ID fails', async () => {
    const jar = new Jar();
    const page = await request('https://lpse.jatengprov.go.id/eproc4/login', { jar });
    expect(page.body).toContain('name="txtPassword"');
    expect(page.body).toContain('name="isRekanan"');
    const r = await request('https://lpse.jatengprov.go.id/eproc4/login', {
      jar,
      form: { authenticityToken: token(page.body), txtUserId: 'MITRAKARYA', txtPassword: PASSWORD, isRekanan: 'true' },
    });
    expect(r.status).toBe(302);
    const home = await follow(r, 'https://lpse.jatengprov.go.id/eproc4/login', jar);
    expect(home.url).toBe('https://lpse.jatengprov.go.id/eproc4/home');
    expect(home.res.body).toContain('id="logout"');

    const jar2 = new Jar();
    const p2 = await request('https://lpse.jatengprov.go.id/eproc4/', { jar: jar2 });
    const bad = await request('https://lpse.jatengprov.go.id/eproc4/login', {
      jar: jar2,
      form: { authenticityToken: token(p2.body), txtUserId: 'MITRAKARYA.BTG', txtPassword: PASSWORD, isRekanan: 'true' },
    });
    expect(bad.status).toBe(200);
    expect(bad.body).toContain('alert alert-danger');
  });

  it('3.x: "Login Sebagai Penyedia" works and shows activation for a local unactivated account', async () => {
    const jar = new Jar();
    const page = await request('https://lpse.kepahiangkab.go.id/eproc/login', { jar });
    expect(page.body).toContain('Login Sebagai Penyedia');
    const r = await request('https://lpse.kepahiangkab.go.id/eproc/login.loginform', {
      jar,
      form: { 't:formdata': 'x', userid: 'SENTOSA01', password: PASSWORD },
    });
    const home = await follow(r, 'https://lpse.kepahiangkab.go.id/eproc/login.loginform', jar);
    expect(home.url).toBe('https://lpse.kepahiangkab.go.id/eproc/home');
    expect(home.res.body).toContain('id="logout"');

    const jar2 = new Jar();
    const r2 = await request('https://lpse.kepahiangkab.go.id/eproc/login.loginform', {
      jar: jar2,
      form: { userid: 'BUKITRAYA', password: PASSWORD },
    });
    const act = await follow(r2, 'https://lpse.kepahiangkab.go.id/eproc/login.loginform', jar2);
    expect(act.res.body).toContain('Aktivasi Agregasi Data Penyedia (ADP)');

    const bad = await request('https://lpse.kepahiangkab.go.id/eproc/login.loginform', { form: { userid: 'SENTOSA01', password: 'x' } });
    expect(bad.body).toContain('class="t-error"');
  });

  it('serves the non-SPSE login pages without SPSE markers', async () => {
    for (const u of sim.nonSpsePages) {
      const r = await request(u);
      expect(r.status).toBe(200);
      expect(r.body).toContain('type="password"');
      expect(r.body).not.toContain('txtUserId');
      expect(r.body).not.toContain(SPSE_NOSCRIPT);
      expect(r.body).not.toContain('Lembaga Kebijakan Pengadaan');
    }
  });
});

/** Dispatch of one HTTP(S) request to the simulated site named by its host. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Ctx,
  esc,
  fill,
  hex,
  parseCookies,
  readForm,
  redirect,
  sendHtml,
  sendText,
  template,
} from './common.js';
import {
  ACCOUNTS,
  AccountState,
  LOOKALIKES,
  LPSES,
  OTP_CODE,
  PASSWORD,
  PLN_HOST,
  PLN_LOGIN_URL,
  PLN_LKPP_LOGIN_URL,
  PORTAL_HOST,
  SIMULATED_HOSTS,
  WEBMAIL_HOST,
  WEBMAIL_LOGIN_URL,
} from './data.js';
import { SessionStore } from './sessions.js';
import { type SiteEnv, handleSpse45 } from './spse45.js';
import { handleSpse4x, notFound as notFound4x } from './spse4x.js';
import { handleSpse3x, notFound as notFound3x } from './spse3x.js';

const debug = process.env.SIM_DEBUG === '1';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse, scheme: 'https' | 'http') => void;

export interface Sites {
  handle: RequestHandler;
  /** forget all sessions and restore every account's initial activation state */
  reset(): void;
}

export function isSimulatedHost(host: string): boolean {
  return SIMULATED_HOSTS.includes(host.toLowerCase());
}

export function createSites(): Sites {
  const env: SiteEnv = { state: new AccountState(), sessions: new SessionStore() };

  async function route(ctx: Ctx): Promise<void> {
    const host = ctx.host;
    if (host === PORTAL_HOST) {
      if (ctx.path === '/' || ctx.path === '/index.html') return sendHtml(ctx, 200, portalPage());
      const slug = ctx.path.split('/')[1] ?? '';
      const l = LPSES.find((x) => x.host === host && x.basePath === `/${slug}`);
      if (l) return handleSpse45(ctx, l, env);
      return sendHtml(ctx, 404, portalNotFound());
    }
    const copyOf = LOOKALIKES.find((x) => x.host === host)?.copyOf;
    const l = LPSES.find((x) => x.host === (copyOf ?? host));
    if (l) {
      if (ctx.path === l.basePath || ctx.path.startsWith(`${l.basePath}/`) || ctx.path.startsWith(`${l.basePath}.`)) {
        // (3.x event URLs look like /eproc/login.loginform: they start with "/eproc/")
        return l.generation === '4.x' ? handleSpse4x(ctx, l, env) : handleSpse3x(ctx, l, env);
      }
      if (ctx.path === '/') return redirect(ctx, `${l.basePath}/`);
      return l.generation === '4.x' ? notFound4x(ctx, l) : notFound3x(ctx, l);
    }
    if (host === PLN_HOST) return pln(ctx);
    if (host === WEBMAIL_HOST) return webmail(ctx);
    return sendText(ctx, 502, 'SPSE simulator: host not simulated');
  }

  const handle: RequestHandler = (req, res, scheme) => {
    void (async () => {
      let host: string;
      let pathAndQuery: string;
      const rawUrl = req.url ?? '/';
      if (/^https?:\/\//i.test(rawUrl)) {
        const u = new URL(rawUrl);
        host = u.hostname;
        pathAndQuery = u.pathname + u.search;
      } else {
        host = String(req.headers.host ?? '').replace(/:\d+$/, '');
        pathAndQuery = rawUrl;
      }
      host = host.toLowerCase();
      const u = new URL(pathAndQuery, 'http://x');
      let path: string;
      try {
        path = decodeURIComponent(u.pathname);
      } catch {
        path = u.pathname;
      }
      const ctx: Ctx = {
        req,
        res,
        scheme,
        host,
        method: (req.method ?? 'GET').toUpperCase(),
        path,
        query: u.searchParams,
        cookies: parseCookies(req.headers.cookie),
        form: new URLSearchParams(),
        setCookies: [],
      };
      // never log bodies (passwords), nor query strings
      if (debug) console.log(`[sim] ${ctx.method} ${scheme}://${host}${path}`);
      if (ctx.method === 'POST') ctx.form = await readForm(req);
      await route(ctx);
    })().catch((err: unknown) => {
      if (debug) console.error('[sim] error', err instanceof Error ? err.message : String(err));
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('SPSE simulator: internal error');
      } else {
        res.destroy();
      }
    });
  };

  return {
    handle,
    reset() {
      env.state.reset();
      env.sessions.clear();
    },
  };
}

// ---------------------------------------------------------------- portal (https://spse.inaproc.id/)

function portalPage(): string {
  const cards = LPSES.map(
    (l) => `    <div class="card" data-lpse="${esc(l.key)}">
      <h3>${esc(l.name)}</h3>
      <div class="url">${esc(l.baseUrl)} &middot; SPSE ${esc(l.generation)}</div>
      <a class="masuk" href="${esc(l.baseUrl)}/">Masuk</a>
    </div>`,
  ).join('\n');
  const byBase = new Map(LPSES.map((l) => [l.baseUrl, l]));
  const accounts = ACCOUNTS.map((a) => {
    const homes = a.homeLpses.map((h) => `${esc(byBase.get(h)?.key ?? h)}`).join(', ');
    return `        <tr><td><code>${esc(a.userId)}</code></td><td>${esc(a.penyedia)}</td><td>${esc(a.branch)}</td><td>${homes}</td><td>${esc(a.description)}</td></tr>`;
  }).join('\n');
  const http = LPSES.map((l) => `      <li><a href="${esc(l.baseUrl.replace(/^https:/, 'http:'))}/">${esc(l.baseUrl.replace(/^https:/, 'http:'))}/</a> (same pages over plain http:// &mdash; should be treated as suspicious)</li>`).join('\n');
  const other = `      <li><a href="${PLN_LOGIN_URL}">${PLN_LOGIN_URL}</a> &mdash; non-SPSE procurement login under /eproc/ (negative case)</li>
      <li><a href="${PLN_LKPP_LOGIN_URL}">${PLN_LKPP_LOGIN_URL}</a> &mdash; the same, its footer naming LKPP (negative case)</li>
      <li><a href="${WEBMAIL_LOGIN_URL}">${WEBMAIL_LOGIN_URL}</a> &mdash; webmail login (negative case)</li>
${http}`;
  return fill(template('portal.html'), {
    CARDS: cards,
    PASSWORD: esc(PASSWORD),
    OTP: esc(OTP_CODE),
    ACCOUNTS: accounts,
    OTHER_LINKS: other,
  });
}

function portalNotFound(): string {
  return `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>404 - SPSE INAPROC</title></head>
<body style="font-family:Arial,sans-serif;text-align:center;padding-top:80px"><h1>404</h1><p>Halaman tidak ditemukan.</p>
<p><a href="/">Kembali ke daftar SPSE</a></p></body></html>`;
}

// ---------------------------------------------------------------- non-SPSE login pages (negatives)

function pln(ctx: Ctx): void {
  if (ctx.path === '/' || ctx.path === '/eproc' || ctx.path === '/eproc/') return redirect(ctx, '/eproc/login');
  if (ctx.path === '/eproc/login' || ctx.path === new URL(PLN_LKPP_LOGIN_URL).pathname) {
    const msg = ctx.method === 'POST' ? '<div class="msg">Username atau kata sandi tidak valid.</div>' : '';
    const foot =
      ctx.path === '/eproc/login'
        ? 'Sistem e-Procurement &mdash; Divisi Pengadaan Strategis'
        : 'Sistem Pengadaan Secara Elektronik PT PLN (Persero) &mdash; Divisi Pengadaan Strategis<br>Bekerja sama dengan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah &middot; &copy; 2026 PT PLN (Persero)';
    return sendHtml(ctx, 200, fill(template('pln-login.html'), { MESSAGE: msg, CSRF: hex(16), FOOT: foot, ACTION: ctx.path }));
  }
  return sendHtml(ctx, 404, '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>');
}

function webmail(ctx: Ctx): void {
  if (ctx.path === '/') return redirect(ctx, '/login');
  if (ctx.path === '/login') {
    const msg = ctx.method === 'POST' ? '<div class="warn">Login failed.</div>' : '';
    return sendHtml(ctx, 200, fill(template('webmail-login.html'), { MESSAGE: msg, CSRF: hex(16) }));
  }
  return sendHtml(ctx, 404, '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
}

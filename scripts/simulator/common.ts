/** Shared helpers of the simulated sites: request context, responses, sessions, templates, assets. */
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  scheme: 'https' | 'http';
  host: string;
  method: string;
  /** decoded path without query */
  path: string;
  query: URLSearchParams;
  cookies: Map<string, string>;
  /** parsed application/x-www-form-urlencoded body (POST only) */
  form: URLSearchParams;
  /** Set-Cookie values to send with the response */
  setCookies: string[];
}

function cookieHeaders(ctx: Ctx): Record<string, string[]> {
  return ctx.setCookies.length ? { 'Set-Cookie': ctx.setCookies } : {};
}

// ---------------------------------------------------------------- escaping / templates

export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const templateCache = new Map<string, string>();

export function template(name: string): string {
  let t = templateCache.get(name);
  if (t === undefined) {
    t = readFileSync(new URL(`./templates/${name}`, import.meta.url), 'utf8');
    templateCache.set(name, t);
  }
  return t;
}

/** Fills {{KEY}} placeholders; values are inserted as-is (escape them first). Unknown keys throw. */
export function fill(tpl: string, vars: Record<string, string>): string {
  return tpl.replace(/\{\{([A-Z_]+)\}\}/g, (_m, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`template placeholder {{${key}}} not provided`);
    return v;
  });
}

// ---------------------------------------------------------------- time

const BULAN = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
];

/** "11 April 2026 14:22" in the given UTC offset (hours). */
export function nowId(offsetHours = 7): string {
  const d = new Date(Date.now() + offsetHours * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm}`;
}

// ---------------------------------------------------------------- responses

const COMMON_HEADERS = {
  'Cache-Control': 'no-cache, no-store, must-revalidate',
  'X-Content-Type-Options': 'nosniff',
};

export function sendHtml(ctx: Ctx, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  const buf = Buffer.from(body, 'utf8');
  ctx.res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(buf.length),
    ...cookieHeaders(ctx),
    ...headers,
  });
  ctx.res.end(ctx.method === 'HEAD' ? undefined : buf);
}

export function sendBody(ctx: Ctx, status: number, contentType: string, body: Buffer | string, cache = false): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  ctx.res.writeHead(status, {
    ...(cache ? { 'Cache-Control': 'public, max-age=3600' } : COMMON_HEADERS),
    'Content-Type': contentType,
    'Content-Length': String(buf.length),
    ...cookieHeaders(ctx),
  });
  ctx.res.end(ctx.method === 'HEAD' ? undefined : buf);
}

export function redirect(ctx: Ctx, location: string, headers: Record<string, string | string[]> = {}): void {
  ctx.res.writeHead(302, {
    ...COMMON_HEADERS,
    Location: location,
    'Content-Length': '0',
    ...cookieHeaders(ctx),
    ...headers,
  });
  ctx.res.end();
}

export function sendText(ctx: Ctx, status: number, text: string): void {
  sendBody(ctx, status, 'text/plain; charset=utf-8', text);
}

// ---------------------------------------------------------------- tokens / cookies

export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Play's authenticityToken: 40 hex chars. */
export function newAuthenticityToken(): string {
  return hex(20);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const m = new Map<string, string>();
  if (!header) return m;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k && !m.has(k)) m.set(k, v);
  }
  return m;
}

export function cookieHeader(name: string, value: string, path: string, opts: { expire?: boolean } = {}): string {
  const parts = [`${name}=${value}`, `Path=${path}`, 'HttpOnly', 'SameSite=Lax'];
  if (opts.expire) parts.push('Max-Age=0');
  return parts.join('; ');
}

// ---------------------------------------------------------------- captcha

const CAPTCHA_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newCaptchaCode(): string {
  let s = '';
  const n = 5 + randomInt(2);
  for (let i = 0; i < n; i++) s += CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)];
  return s;
}

/** An SVG showing the code over a noise grid (the real one is a PNG; only the URL shape matters here). */
export function captchaSvg(code: string): string {
  const lines: string[] = [];
  for (let x = 0; x <= 160; x += 10) lines.push(`<line x1="${x}" y1="0" x2="${x}" y2="50" stroke="#ccd" stroke-width="1"/>`);
  for (let y = 0; y <= 50; y += 10) lines.push(`<line x1="0" y1="${y}" x2="160" y2="${y}" stroke="#ccd" stroke-width="1"/>`);
  const chars = code
    .split('')
    .map((c, i) => {
      const rot = randomInt(-20, 21);
      const x = 14 + i * 22;
      const y = 34 + randomInt(-4, 5);
      return `<text x="${x}" y="${y}" transform="rotate(${rot} ${x} ${y})" font-family="monospace" font-size="26" font-weight="bold" fill="#333">${esc(c)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="50" viewBox="0 0 160 50"><rect width="160" height="50" fill="#f4f4f4"/>${lines.join('')}${chars}</svg>`;
}

// ---------------------------------------------------------------- static assets

const require = createRequire(import.meta.url);

function readModuleFile(spec: string): Buffer {
  return readFileSync(require.resolve(spec));
}

let vendorCache: { jquery: Buffer; bootstrapJs: Buffer; bootstrapCss: Buffer } | undefined;

export function vendor(): { jquery: Buffer; bootstrapJs: Buffer; bootstrapCss: Buffer } {
  if (!vendorCache) {
    vendorCache = {
      jquery: readModuleFile('jquery/dist/jquery.min.js'),
      bootstrapJs: readModuleFile('bootstrap/dist/js/bootstrap.bundle.min.js'),
      bootstrapCss: readModuleFile('bootstrap/dist/css/bootstrap.min.css'),
    };
  }
  return vendorCache;
}

/** 1x1 transparent PNG, used for every logo / icon PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="44" viewBox="0 0 150 44"><rect width="150" height="44" rx="6" fill="#c62828"/><text x="75" y="29" text-anchor="middle" font-family="Arial" font-size="20" font-weight="bold" fill="#fff">SPSE</text></svg>';

export const SPSE45_APP_CSS = `/* simulator stand-in for application.css */
#header { padding: 8px 16px; overflow: hidden; border-bottom: 1px solid #eee; }
#headerContent img { height: 44px; }
.topmenu { background: #c62828; }
.topmenu .nav-link { color: #fff !important; font-weight: 600; }
.submenu { background: #f7f7f7; border-bottom: 1px solid #e5e5e5; overflow: hidden; font-size: 13px; }
.navBlock .space { margin-right: 6px; }
#main { min-height: 420px; padding-top: 16px; padding-bottom: 24px; clear: both; }
.footer-custom { padding: 16px 0; border-top: 1px solid #e4e7ec; }
.back-to-top { position: fixed; right: 12px; bottom: 12px; font-size: 12px; }
.login-box { max-width: 460px; margin: 20px auto; }
`;

export const SPSE4X_APP_CSS = `/* simulator stand-in for application.css (SPSE 4.x) */
#header { padding: 8px 16px; overflow: hidden; background: #fff; }
#headerContent img { height: 48px; }
.navbar-custom { background: #1f4e79; }
.navbar-custom .nav-link { color: #fff !important; }
#main { min-height: 420px; padding-top: 16px; }
#footer { background: #f1f1f1; padding: 10px 16px; margin-top: 24px; font-size: 12px; overflow: hidden; }
#infoRight { text-align: right; }
`;

export const SPSE3X_DEFAULT_CSS = `/* simulator stand-in for Tapestry assets-eproc/default.css */
body { font-family: Verdana, Arial, sans-serif; font-size: 12px; background: #e9eef2; margin: 0; }
#container { width: 980px; margin: 0 auto; background: #fff; }
#header { height: 90px; background: #0d4a7a; }
#msgsystem { color: #fff; padding: 8px; }
#topmenu ul { list-style: none; margin: 0; padding: 0; background: #16629e; overflow: hidden; }
#topmenu li { float: left; }
#topmenu a { display: block; width: 90px; height: 28px; }
#topmenu a.home:after { content: "Home"; } #topmenu a.tentangkami:after { content: "Tentang Kami"; }
#topmenu a.faq:after { content: "FAQ"; } #topmenu a.regulasi:after { content: "Regulasi"; }
#topmenu a.sitemap:after { content: "Site Map"; } #topmenu a.kontak:after { content: "Kontak Kami"; }
#topmenu a:after { color: #fff; line-height: 28px; padding-left: 8px; }
#content { padding: 10px; min-height: 360px; }
.header1 { font-weight: bold; font-size: 14px; color: #0d4a7a; border-bottom: 2px solid #0d4a7a; margin-bottom: 8px; }
.border { padding: 4px; }
#footer { overflow: hidden; padding: 8px; background: #dfe6ec; font-size: 11px; }
#footer .left { float: left; } #footer .right { float: right; }
.t-error { border: 1px solid #c00; background: #fee; color: #900; padding: 6px; margin-bottom: 8px; }
#userbar { background: #fffbe0; padding: 4px 10px; text-align: right; border-bottom: 1px solid #eedc82; }
`;

// ---------------------------------------------------------------- body reading

export async function readForm(req: IncomingMessage, limit = 64 * 1024): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const ct = String(req.headers['content-type'] ?? '');
  const raw = Buffer.concat(chunks).toString('utf8');
  if (ct.includes('application/x-www-form-urlencoded') || (raw && !ct)) return new URLSearchParams(raw);
  return new URLSearchParams();
}

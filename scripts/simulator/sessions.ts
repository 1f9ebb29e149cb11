/** In-memory sessions, one cookie per LPSE (Path = the LPSE's base path). */
import type { LpseDef } from './data.js';
import { type Ctx, cookieHeader, hex, newAuthenticityToken, newCaptchaCode } from './common.js';

export type SessionView = 'dashboard' | 'activation' | 'non-active' | 'admin-notice';

export interface Session {
  id: string;
  lpseKey: string;
  /** Play authenticityToken (40 hex) for the forms of this session */
  token: string;
  captcha: string;
  /** 4.5: user type chosen in PILIH JENIS USER */
  userType?: 'penyedia' | 'non-penyedia';
  /** 4.5: User ID entered on the User ID step, waiting for the password step */
  pendingUserId?: string;
  /** 4.5: User ID waiting for its Security Code (2FA) */
  otpUserId?: string;
  otpLocal?: boolean;
  /** logged-in User ID (dashboard or activation view) */
  userId?: string;
  local?: boolean;
  view?: SessionView;
  /** User ID shown on a non-active / admin-notice page (not logged in) */
  noticeUserId?: string;
  noticeReplacement?: string;
  /** one-shot message for the next page */
  flash?: string;
}

export function cookieName(l: LpseDef): string {
  return l.generation === '3.x' ? 'JSESSIONID' : 'SPSE_SESSION';
}

export class SessionStore {
  private sessions = new Map<string, Session>();

  clear(): void {
    this.sessions.clear();
  }

  get(ctx: Ctx, l: LpseDef): Session | undefined {
    const id = ctx.cookies.get(cookieName(l));
    if (!id) return undefined;
    return this.sessions.get(`${l.key}:${id}`);
  }

  /** Existing session or a fresh one (the Set-Cookie header is queued on ctx). */
  getOrCreate(ctx: Ctx, l: LpseDef): Session {
    return this.get(ctx, l) ?? this.create(ctx, l);
  }

  create(ctx: Ctx, l: LpseDef): Session {
    const old = this.get(ctx, l);
    if (old) this.sessions.delete(`${l.key}:${old.id}`);
    const s: Session = { id: hex(20), lpseKey: l.key, token: newAuthenticityToken(), captcha: newCaptchaCode() };
    this.sessions.set(`${l.key}:${s.id}`, s);
    ctx.setCookies.push(cookieHeader(cookieName(l), s.id, l.basePath));
    return s;
  }

  destroy(ctx: Ctx, l: LpseDef): void {
    const s = this.get(ctx, l);
    if (s) this.sessions.delete(`${l.key}:${s.id}`);
    ctx.setCookies.push(cookieHeader(cookieName(l), '', l.basePath, { expire: true }));
  }
}

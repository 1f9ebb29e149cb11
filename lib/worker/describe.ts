/**
 * The recognition result as one flat record, with the directory's view (LPSE name, genuine address):
 * what `npm run classify` prints and what the corpus index expects. Background/CLI only (uses the directory).
 */
import { isGenuineLpse, lpseOf } from './directory';
import type { LoginStep, PageKind, Role } from '../page/recognition/page-kinds';
import { recognise } from '../page/recognition/recognise';
import type { PageSnapshot } from '../page/recognition/snapshot';

export interface Description {
  spse: boolean;
  kind: PageKind | null;
  step: LoginStep | null;
  site: { origin: string; basePath: string; generation: string; lpseName: string | null; genuine: boolean } | null;
  role: Role | null;
  userId: string | null;
  replacementUserId: string | null;
  noticeText: string | null;
  errorText: string | null;
}

export function describePage(url: string, snapshot: PageSnapshot): Description {
  const r = recognise(url, snapshot);
  if (!r)
    return { spse: false, kind: null, step: null, site: null, role: null, userId: null, replacementUserId: null, noticeText: null, errorText: null };
  const p = r.page;
  return {
    spse: true,
    kind: p.kind,
    step: p.kind === 'login' || p.kind === 'login-failed' ? p.step : null,
    site: { origin: r.site.origin, basePath: r.site.basePath, generation: r.site.generation, lpseName: lpseOf(r.site)?.name ?? null, genuine: isGenuineLpse(r.site) },
    role: p.kind === 'logged-in' ? p.role : null,
    userId: (p.kind === 'logged-in' && p.userId) || null,
    replacementUserId: (p.kind === 'non-active' && p.replacementUserId) || null,
    noticeText: p.kind === 'admin-notice' ? p.notice : null,
    errorText: p.kind === 'login-failed' ? p.error : null,
  };
}

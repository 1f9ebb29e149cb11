import { identityOf } from './identity';
import { classifySnapshot, type PageResult } from './page-kinds';
import { siteFromUrl, type SpseSite } from '../../spse/site';
import type { PageSnapshot } from './snapshot';

/** What the content script reports about one page. `page: null` = not an SPSE page: do nothing, show nothing. */
export interface Recognition {
  url: string;
  site: SpseSite;
  page: PageResult;
  /** A login form exists on the page, shown or not (for the phishing guard). */
  loginForm: boolean;
  /** SPSE's own LOGIN control, outside a session: on the LPSE's home the journey starts there (R16). */
  loginEntry: boolean;
}

/**
 * Which SPSE site and which page kind. An address of SPSE's shape is not enough (other procurement systems
 * live under `/eproc/` too): the page must carry evidence of two independent families (signals.ts `identity`). Whether the LPSE is genuine is the
 * background's call (it has the directory); the content script never decides it.
 */
export function recognise(url: string, snapshot: PageSnapshot): Recognition | null {
  const site = siteFromUrl(url);
  if (!site) return null;
  if (!identityOf(snapshot.evidence, site, snapshot.otherSystem).spse) return null;
  return { url, site, page: classifySnapshot(snapshot), loginForm: snapshot.loginFormAnywhere, loginEntry: snapshot.loginEntry };
}

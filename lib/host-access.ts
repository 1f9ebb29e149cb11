import { SPSE_HOST_PATTERN } from './spse/hosts';

/**
 * Access to spse.inaproc.id, without which the content script never runs. Chrome grants it at install;
 * Firefox (MV3) lets the penyedia withhold or withdraw it (about:addons → Izin), so the extension checks
 * and asks on its onboarding page. The permissions API is passed in: testable without a browser.
 */
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

export const SPSE_ACCESS = { origins: [SPSE_HOST_PATTERN] };

export const hasSpseAccess = (permissions: PermissionsApi): Promise<boolean> => permissions.contains(SPSE_ACCESS);

/** Must be called from a user gesture (a click): browsers refuse permission requests otherwise. */
export const requestSpseAccess = (permissions: PermissionsApi): Promise<boolean> => permissions.request(SPSE_ACCESS);

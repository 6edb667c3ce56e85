// Every cookie the portal sets, for the privacy statement's table. Names and lifetimes are the very constants the code
// sets them with, so the statement cannot say one thing while the code does another; test/http/privacy-statement.test.ts
// also finds every cookie in the source and in real responses and checks that each is here and on the page.
import { FLASH_COOKIE, FLASH_MAX_AGE_MS } from '../../lib/flash';
import { LANG_COOKIE } from '../../lib/i18n';
import { CSRF_COOKIE } from '../../middleware/csrf';
import { LANG_COOKIE_MAX_AGE_MS } from '../../middleware/language';
import { PARTICIPANT_COOKIE_MAX_AGE_MS } from '../../middleware/participant';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../middleware/sessions';
import { PARTICIPANT_COOKIE } from '../feedback/participant-key';
import { ID_TOKEN_COOKIE, ID_TOKEN_COOKIE_MAX_AGE_MS, PENDING_COOKIE, PENDING_COOKIE_MAX_AGE_MS } from '../verification/verification-cookies';

/** How long a cookie lives: a fixed time from when it is set, a time renewed by every request, or until the browser closes. */
export type CookieLifetime = { ms: number; renewed?: true } | 'browserSession';

export interface PortalCookie {
  name: string;
  /** Its texts under `privacy.cookies.<key>` in the locales: purpose and who gets it. */
  key: 'participant' | 'language' | 'flash' | 'session' | 'csrf' | 'verificationPending' | 'verificationSession';
  lifetime: CookieLifetime;
}

export const PORTAL_COOKIES: readonly PortalCookie[] = [
  { name: PARTICIPANT_COOKIE, key: 'participant', lifetime: { ms: PARTICIPANT_COOKIE_MAX_AGE_MS } },
  { name: LANG_COOKIE, key: 'language', lifetime: { ms: LANG_COOKIE_MAX_AGE_MS } },
  { name: FLASH_COOKIE, key: 'flash', lifetime: { ms: FLASH_MAX_AGE_MS } },
  { name: SESSION_COOKIE, key: 'session', lifetime: { ms: SESSION_TTL_MS, renewed: true } },
  // csrf-csrf sets it without Max-Age: the browser drops it when it closes.
  { name: CSRF_COOKIE, key: 'csrf', lifetime: 'browserSession' },
];

/** Set only when residents' ID-porten verification is configured (#21.3); the statement names them only then. */
export const VERIFICATION_COOKIES: readonly PortalCookie[] = [
  { name: PENDING_COOKIE, key: 'verificationPending', lifetime: { ms: PENDING_COOKIE_MAX_AGE_MS } },
  { name: ID_TOKEN_COOKIE, key: 'verificationSession', lifetime: { ms: ID_TOKEN_COOKIE_MAX_AGE_MS } },
];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;

/** A lifetime in the largest whole unit, for the statement's `privacy.lifetime.<unit>` texts. */
export function lifetimeInWords(ms: number): { unit: 'years' | 'days' | 'hours' | 'minutes'; count: number } {
  for (const [unit, size] of [['years', YEAR_MS], ['days', DAY_MS], ['hours', HOUR_MS]] as const) {
    if (ms >= size && ms % size === 0) return { unit, count: ms / size };
  }
  return { unit: 'minutes', count: Math.max(1, Math.round(ms / MINUTE_MS)) };
}

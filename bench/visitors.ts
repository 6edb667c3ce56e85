// What a real browser would hold before it can post: a signed-in staff session with its form's token, or nothing (residents).
import crypto from 'node:crypto';
import { participantCookies } from '../src/modules/feedback/participant-key';

export interface FormSession {
  cookie: string;
  csrfToken: string;
}

/** Opens a page holding a form, as a first-time visitor, and keeps the cookies it sets and the form's CSRF token. */
export async function openForm(url: string, cookie = ''): Promise<FormSession> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  // Anonymous forms carry no token (residents' and sign-in forms are protected by Fetch Metadata, #17); a signed-in
  // staff member's forms still do.
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie: mergeCookies(cookie, res.headers.getSetCookie()), csrfToken: token };
}

/** Signs a staff member in through the login form; returns the signed-in session's cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await openForm(`${baseUrl}/login`);
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: form.csrfToken }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return mergeCookies(form.cookie, res.headers.getSetCookie());
}

/**
 * The session secret the benchmark gives the portal, so that it can make participant cookies up front as the portal
 * would sign them (the portal takes no participant cookie it did not sign).
 */
export const BENCH_SESSION_SECRET = crypto.randomBytes(48).toString('base64url');

/** A new participant's cookie, signed as the portal hands it out, ready for a Cookie header. */
export function participantCookie(): string {
  return encodeURIComponent(participantCookies(BENCH_SESSION_SECRET).issue().cookie);
}

function mergeCookies(existing: string, setCookies: string[]): string {
  const jar = new Map(existing.split('; ').filter(Boolean).map((c) => [c.split('=')[0]!, c] as const));
  for (const set of setCookies) {
    const pair = set.split(';')[0]!;
    jar.set(pair.split('=')[0]!, pair);
  }
  return [...jar.values()].join('; ');
}

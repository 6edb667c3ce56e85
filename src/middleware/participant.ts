// Recognises an anonymous resident by the server-signed value in their cookie (only its keyed hash is ever used),
// and hands out such a cookie the first time they take part. A cookie the server did not sign is ignored, and
// replaced as soon as its holder takes part.
import type { RequestHandler } from 'express';
import { participantCookies, participantKeyHash, PARTICIPANT_COOKIE } from '../modules/feedback/participant-key';

/** How long a browser keeps the participant cookie; the privacy statement says so. */
export const PARTICIPANT_COOKIE_MAX_AGE_MS = 2 * 365 * 24 * 60 * 60 * 1000;

export function participantCookie(secret: string): RequestHandler {
  const cookies = participantCookies(secret);
  return (req, res, next) => {
    const value = cookies.read(req.cookies?.[PARTICIPANT_COOKIE]);
    req.participantKey = value === null ? null : participantKeyHash(secret, value);
    const give = (fresh: { value: string; cookie: string }) => {
      res.cookie(PARTICIPANT_COOKIE, fresh.cookie, { httpOnly: true, sameSite: 'lax', secure: req.secure, maxAge: PARTICIPANT_COOKIE_MAX_AGE_MS, path: '/' });
      req.participantKey = participantKeyHash(secret, fresh.value);
    };
    req.ensureParticipantKey = () => {
      if (!req.participantKey) give(cookies.issue());
      return req.participantKey!;
    };
    req.newParticipantKey = () => {
      // The cookie is set only once the key is stored: a failed join leaves the browser as it was.
      const fresh = cookies.issue();
      return { keyHash: participantKeyHash(secret, fresh.value), give: () => give(fresh) };
    };
    next();
  };
}

// Recognises an anonymous resident by the random value in their cookie (only its keyed hash is ever used),
// and hands out such a cookie the first time they take part.
import type { RequestHandler } from 'express';
import { isParticipantValue, newParticipantValue, participantKeyHash, PARTICIPANT_COOKIE } from '../modules/feedback/participant-key';

const TWO_YEARS_MS = 2 * 365 * 24 * 60 * 60 * 1000;

export function participantCookie(secret: string): RequestHandler {
  return (req, res, next) => {
    const value: unknown = req.cookies?.[PARTICIPANT_COOKIE];
    req.participantKey = isParticipantValue(value) ? participantKeyHash(secret, value) : null;
    req.ensureParticipantKey = () => {
      if (!req.participantKey) {
        const fresh = newParticipantValue();
        res.cookie(PARTICIPANT_COOKIE, fresh, { httpOnly: true, sameSite: 'lax', secure: req.secure, maxAge: TWO_YEARS_MS, path: '/' });
        req.participantKey = participantKeyHash(secret, fresh);
      }
      return req.participantKey;
    };
    next();
  };
}

// Once a municipality requires single sign-on (#21.1), a session its staff member opened with a password before ends
// at their next staff request: the sign-in page says why, and only the municipality's account signs them in again.
import type { RequestHandler } from 'express';
import { setFlash } from '../lib/flash';
import type { AuthService } from '../modules/sign-in/auth.service';
import { signOut } from '../modules/sign-in/session.helpers';
import { paths } from '../paths';

export function requireSsoSession(auth: Pick<AuthService, 'passwordSessionRefused'>): RequestHandler {
  return async (req, res, next) => {
    if (!req.user || req.session?.signedInWith === 'sso' || !auth.passwordSessionRefused(req.user.id)) return next();
    await signOut(req);
    setFlash(res, 'ssoRequired');
    res.redirect(303, paths.login());
  };
}

// Where a second factor is required (#21.2: platform admins, admins of any municipality, all staff of a municipality
// that asks for it), a signed-in person without one reaches nothing under /admin but the enrolment: every other page
// and form sends them there. A sign-in by single sign-on is exempt: the municipality's identity provider carries the
// second factor.
import type { RequestHandler } from 'express';
import { safeReturnTo } from '../lib/safe-redirect';
import type { TwoFactorService } from '../modules/two-factor/two-factor.service';
import { paths } from '../paths';

const ENROLMENT = [paths.admin.twoFactor, paths.admin.twoFactorStart];

export function requireTwoFactorEnrolment(twoFactor: Pick<TwoFactorService, 'needsEnrolment'>): RequestHandler {
  return (req, res, next) => {
    if (!req.user || req.session?.signedInWith === 'sso') return next();
    const path = req.originalUrl.split('?')[0]!;
    if (ENROLMENT.some((p) => p.matches(path))) return next();
    if (!twoFactor.needsEnrolment(req.user.id)) return next();
    const back = req.method === 'GET' ? safeReturnTo(req.originalUrl, '') : '';
    res.redirect(303, paths.admin.twoFactor({}, { returnTo: back }));
  };
}

// Who is signed in, and what they may reach. Tenancy: a municipality's staff pages exist only for its members.
import type { RequestHandler } from 'express';
import { ForbiddenError, NotFoundError } from '../errors';
import { safeReturnTo } from '../lib/safe-redirect';
import type { AuthService } from '../modules/accounts/auth.service';
import type { MunicipalitiesService } from '../modules/accounts/municipalities.service';
import { ROLES, type Role } from '../modules/accounts/roles';

export function loadCurrentUser(auth: AuthService): RequestHandler {
  return (req, res, next) => {
    const userId = req.session?.userId;
    if (userId !== undefined) {
      const user = auth.currentUser(userId);
      if (user) {
        req.user = user;
        res.locals.user = user;
      } else {
        delete req.session.userId;
      }
    }
    next();
  };
}

export const requireSignIn: RequestHandler = (req, res, next) => {
  if (req.user) return next();
  // Only a return path the login form will accept: a huge query string would make a Location header no client reads.
  const back = req.method === 'GET' ? safeReturnTo(req.originalUrl, '') : '';
  const returnTo = back ? `?returnTo=${encodeURIComponent(back)}` : '';
  res.redirect(303, `/login${returnTo}`);
};

/** Platform administration is invisible to everyone else. */
export const requirePlatformAdmin: RequestHandler = (req, _res, next) => {
  next(req.user?.isPlatformAdmin ? undefined : new NotFoundError());
};

/**
 * Resolves :municipality for staff routes. Someone without a role there gets 404, the same as for a
 * municipality that does not exist, so staff of one municipality learn nothing about another.
 * A platform admin acts as admin of every municipality.
 */
export function loadStaffMunicipality(auth: AuthService, municipalities: MunicipalitiesService): RequestHandler {
  return (req, res, next) => {
    const municipality = municipalities.findBySlug(String(req.params.municipality));
    if (!municipality || !req.user) return next(new NotFoundError());
    const roles: Role[] = req.user.isPlatformAdmin ? [...ROLES] : auth.rolesIn(req.user.id, municipality.id);
    if (roles.length === 0) return next(new NotFoundError());
    req.municipality = municipality;
    req.roles = roles;
    res.locals.municipality = municipality;
    res.locals.roles = roles;
    next();
  };
}

/** Members without one of the roles get 403; admins may do everything in their municipality. */
export function requireRole(...allowed: Role[]): RequestHandler {
  return (req, _res, next) => {
    const roles = req.roles ?? [];
    next(roles.includes('admin') || roles.some((r) => allowed.includes(r)) ? undefined : new ForbiddenError());
  };
}

// Who is signed in, and what they may reach. Tenancy: a municipality's staff pages exist only for its members.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ForbiddenError, NotFoundError } from '../errors';
import { safeReturnTo } from '../lib/safe-redirect';
import type { AuthService } from '../modules/sign-in/auth.service';
import type { MunicipalitiesService } from '../modules/municipalities/municipalities.service';
import { ROLES, type Role } from '../modules/staff/roles';
import type { StaffService } from '../modules/staff/staff.service';
import { paths } from '../paths';
import type { AuditService } from '../modules/audit/audit.service';

/** Why a signed-in staff member was refused, and in which municipality, kept beside the error for the audit log. */
interface Refusal {
  reason: 'not_member' | 'role' | 'not_platform_admin';
  municipalityId: number | null;
}
const refusals = new WeakMap<Error, Refusal>();

function refused<E extends Error>(error: E, refusal: Refusal): E {
  refusals.set(error, refusal);
  return error;
}

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
  res.redirect(303, paths.login({}, { returnTo: back }));
};

/** Platform administration is invisible to everyone else. */
export const requirePlatformAdmin: RequestHandler = (req, _res, next) => {
  next(req.user?.isPlatformAdmin ? undefined : refused(new NotFoundError(), { reason: 'not_platform_admin', municipalityId: null }));
};

/**
 * Resolves :municipality for staff routes. Someone without a role there gets 404, the same as for a
 * municipality that does not exist, so staff of one municipality learn nothing about another.
 * A platform admin acts as admin of every municipality.
 */
export function loadStaffMunicipality(staff: StaffService, municipalities: MunicipalitiesService): RequestHandler {
  return (req, res, next) => {
    const municipality = municipalities.findBySlug(String(req.params.municipality));
    if (!req.user) return next(new NotFoundError());
    const roles: Role[] = !municipality ? [] : req.user.isPlatformAdmin ? [...ROLES] : staff.rolesIn(req.user.id, municipality.id);
    if (!municipality || roles.length === 0) return next(refused(new NotFoundError(), { reason: 'not_member', municipalityId: municipality?.id ?? null }));
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
    const ok = roles.includes('admin') || roles.some((r) => allowed.includes(r));
    next(ok ? undefined : refused(new ForbiddenError(), { reason: 'role', municipalityId: req.municipality?.id ?? null }));
  };
}

/**
 * Records each refusal above in the audit log (a security event), then hands the error on to the error page.
 * The municipality whose page was refused gets the entry, so its admins see who tried to reach it.
 */
export function auditRefusedAccess(audit: AuditService): ErrorRequestHandler {
  return (err, req, _res, next) => {
    const refusal = err instanceof Error ? refusals.get(err) : undefined;
    if (refusal && req.user) {
      audit.record({
        actorUserId: req.user.id,
        municipalityId: refusal.municipalityId,
        action: 'access.refused',
        entityType: 'user',
        entityId: req.user.id,
        details: { reason: refusal.reason, method: req.method, path: req.originalUrl.split('?')[0]!.slice(0, 300) },
      });
    }
    next(err);
  };
}

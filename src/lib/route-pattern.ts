// The route pattern a request was answered by (`/:municipality/innspill/:painPointId`), never its raw path: metrics
// label requests by it, so a million pain points give one series, not a million. Known only once routing has run.
import type { Request, Response } from 'express';

const KEPT_PATTERN = 'routePattern';

/** Called by answers given before routing (the lean path's kept pages), with the pattern of the route that made them. */
export function rememberRoutePattern(res: Response, pattern: string): void {
  res.locals[KEPT_PATTERN] = pattern;
}

/** The matched route's pattern, or the one remembered for a kept page; undefined when no route answered. */
export function routePatternOf(req: Request, res: Response): string | undefined {
  const route = req.route as { path?: unknown } | undefined;
  if (route && typeof route.path === 'string') return req.baseUrl + route.path;
  const kept = res.locals?.[KEPT_PATTERN];
  return typeof kept === 'string' ? kept : undefined;
}

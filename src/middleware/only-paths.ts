// Lets a handler (a static folder) answer only the paths that match a pattern; anything else goes on to the next
// handler, and in the end to the 404 page.
import type { RequestHandler } from 'express';

export function onlyPaths(pattern: RegExp, handler: RequestHandler): RequestHandler {
  return (req, res, next) => (pattern.test(req.path) ? handler(req, res, next) : next());
}

// Numeric ids from the URL: anything that is not a positive whole number is a 404, not a 500.
import type { Request } from 'express';
import { NotFoundError } from '../errors';

export function idParam(req: Request, name: string): number {
  const raw = req.params[name];
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw new NotFoundError();
  const id = Number(raw);
  if (id <= 0) throw new NotFoundError();
  return id;
}

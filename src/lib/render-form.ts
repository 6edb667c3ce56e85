// Re-renders a form after a ValidationError: status 400, an error summary, and the submitted values kept.
import type { Response } from 'express';
import { ValidationError } from '../errors';

export function renderFormError(
  res: Response,
  err: unknown,
  view: string,
  locals: Record<string, unknown>,
  status = 400,
): void {
  if (!(err instanceof ValidationError)) throw err;
  res.status(status).render(view, { ...locals, errors: err.fieldErrors, values: { ...err.values } });
}

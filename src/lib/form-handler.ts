// The one form path (#16): parse the body with the form's strict schema, call the service, then redirect with a flash
// notice; or, when the input or the service refuses (a ValidationError), show the form again with 400, the error
// summary linking to each field, and the values kept. Any other error goes on to the error page.
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ValidationError } from '../errors';
import { setFlash, type Flash } from './flash';
import { keepableValues, parseForm } from './forms';

export interface FormSpec<S extends z.ZodType, R> {
  schema: S;
  /** The form's view and its locals, to show it again with the errors. */
  form: (req: Request, res: Response) => { view: string; locals: Record<string, unknown> };
  /** Calls the service with the parsed input; a ValidationError it throws is shown on the form. */
  act: (req: Request, input: z.infer<S>, res: Response) => R | Promise<R>;
  /** Where to go after, and what the next page announces. */
  done: (req: Request, result: Awaited<R>, input: z.infer<S>) => { to: string; flash?: Flash };
  /** Fields never shown again (passwords). */
  forget?: readonly string[];
}

export function handleForm<S extends z.ZodType, R>(spec: FormSpec<S, R>): RequestHandler {
  return async (req, res) => {
    try {
      const input = parseForm(spec.schema, req.body);
      const result = await spec.act(req, input, res);
      const { to, flash } = spec.done(req, result, input);
      if (wantsJson(req)) return void res.json({ ok: true, to, ...(typeof result === 'number' ? { id: result } : {}) });
      if (flash) setFlash(res, flash);
      res.redirect(303, to);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      if (wantsJson(req)) return void refusedAsJson(req, res, err);
      // A service's refusal rarely carries the values: the form shows what was sent, so nothing typed or chosen is lost.
      const kept = Object.keys(err.values).length > 0 ? err : new ValidationError(err.fieldErrors, keepableValues(formFields(req.body)));
      showFormAgain(req, res, kept, spec.form(req, res), spec.forget);
    }
  };
}

function formFields(body: unknown): Record<string, unknown> {
  const { _csrf: _ignored, ...fields } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return fields;
}

/**
 * A form sent by a page's own script in the background (the journey grid, #19.1) asks for JSON: the outcome as data
 * for the script to announce, instead of a redirect or a whole page. Forms without script never ask for it.
 */
export function wantsJson(req: Request): boolean {
  return /\bapplication\/json\b/.test(req.get('accept') ?? '');
}

/** A refusal as JSON: 400 and each field's message in the page's language. */
export function refusedAsJson(req: Request, res: Response, err: ValidationError): void {
  res.status(400).json({ ok: false, errors: Object.fromEntries(Object.entries(err.fieldErrors).map(([field, key]) => [field, req.t(key)])) });
}

/** A form shown again after a ValidationError: 400, its errors, and the values (minus `forget`). */
export function showFormAgain(
  _req: Request,
  res: Response,
  err: ValidationError,
  form: { view: string; locals: Record<string, unknown> },
  forget: readonly string[] = [],
  status = 400,
): void {
  const values = { ...err.values };
  for (const field of forget) delete values[field];
  res.status(status).render(form.view, { ...form.locals, errors: err.fieldErrors, values });
}

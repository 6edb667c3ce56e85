// Turns a form body into typed input with a zod schema, or a ValidationError the form can show.
import { z } from 'zod';
import { ValidationError } from '../errors';
import { hasUnsafeCharacters, markUnsafeCharacters } from './text-safety';

/** Parses a urlencoded body (minus the CSRF field) with a strict schema. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const { _csrf: _ignored, ...fields } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const unsafe = Object.entries(fields).filter(([, value]) => asList(value).some((v) => typeof v === 'string' && hasUnsafeCharacters(v)));
  const result = schema.safeParse(fields);
  if (result.success && unsafe.length === 0) return result.data;
  const errors = result.success ? {} : fieldErrors(result.error);
  for (const [name] of unsafe) errors[name] = 'validation.invalidCharacters';
  throw new ValidationError(errors, keepableValues(fields));
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.code === 'unrecognized_keys' ? '_form' : String(issue.path[0] ?? '_form');
    const key =
      issue.code === 'unrecognized_keys'
        ? 'validation.unknownField'
        : issue.message.startsWith('validation.')
          ? issue.message
          : 'validation.invalid';
    errors[field] ??= key;
  }
  return errors;
}

/** Submitted values to show again in the form: strings (and lists of strings) only. */
/** What a form sent, fit to show in it again: strings and lists of strings, unsafe characters marked. */
export function keepableValues(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') kept[name] = markUnsafeCharacters(value);
    else if (Array.isArray(value)) kept[name] = value.filter((v) => typeof v === 'string').map(markUnsafeCharacters);
  }
  return kept;
}

/** A button-only form: nothing but the CSRF token may come with it. */
export const EmptyFormSchema = z.strictObject({});

/**
 * Parses a query string with a schema that ignores unknown keys (such as ?lang=); a value outside its list is
 * a ValidationError (400), never a silent default.
 */
export function parseQuery<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  query: unknown,
  messageKey = 'validation.invalid',
): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ValidationError({ _form: messageKey });
  return parsed.data;
}

/** A checkbox group arrives as nothing, one string, or a list of strings. */
export function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as string];
}

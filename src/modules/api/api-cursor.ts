// Opaque paging cursors of the open data API: an offset into a ranking computed at a fixed moment (`asOf`).
// They are base64url JSON, not signed: every field is validated on the way in, so a forged one is a 400, never a 500.
import { z } from 'zod';
import { SLUG_PATTERN } from './api.schema';

/** A cursor older than this refers to a ranking nobody is paging through any more. */
export const CURSOR_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Rankings are computed at the end of the current minute, so a fresh cursor may lie that far ahead of the clock. */
export const AS_OF_STEP_MS = 60 * 1000;
const MAX_OFFSET = 1_000_000;

export interface CursorState {
  offset: number;
  asOf: Date;
  /** The journey filter the ranking was read with; part of the cursor so a page cannot be read with another filter. */
  journey: string | null;
}

const CursorSchema = z.strictObject({
  v: z.literal(1),
  o: z.int().min(0).max(MAX_OFFSET),
  a: z.int().min(0),
  j: z.string().regex(SLUG_PATTERN).nullable(),
});

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify({ v: 1, o: state.offset, a: state.asOf.getTime(), j: state.journey }), 'utf8').toString('base64url');
}

export type CursorResult = { ok: true; cursor: CursorState } | { ok: false; reason: 'malformed' | 'expired' };

/** Decodes a cursor and checks that its moment is one this server could have handed out recently. */
export function decodeCursor(raw: string, now: Date): CursorResult {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { o, a, j } = parsed.data;
  if (a > now.getTime() + AS_OF_STEP_MS) return { ok: false, reason: 'malformed' };
  if (a < now.getTime() - CURSOR_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, cursor: { offset: o, asOf: new Date(a), journey: j } };
}

/**
 * The moment a first page is computed for: the end of the current minute. Within one minute the same data gives the
 * same bytes (so ETags match and caches help), and no support given so far lies in the future of it.
 */
export function asOfFor(now: Date): Date {
  return new Date(Math.ceil(now.getTime() / AS_OF_STEP_MS) * AS_OF_STEP_MS);
}

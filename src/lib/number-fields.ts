// Numbers typed into forms, queries and paths: plain decimal digits, in range, or refused with the field's message.
// z.coerce.number() took whatever JavaScript's Number() takes, so "0x10" became 16, "1e-400" 0 and "" 0 (#15.9).
import { z } from 'zod';

const WHOLE = /^\d{1,15}$/;
// A point or a comma before the decimals: Norwegian writes 4,5.
const DECIMAL = /^\d{1,15}(?:[.,]\d{1,15})?$/;

/** A whole number written in decimal digits, within [min, max]. */
export function wholeNumber(min: number, max: number, message = 'validation.number', rangeMessage = 'validation.range') {
  return z
    .string(message)
    .trim()
    .regex(WHOLE, message)
    .transform(Number)
    .pipe(z.number().min(min, rangeMessage).max(max, rangeMessage));
}

/** A decimal number with a point or a comma, within [min, max]. */
export function decimalNumber(min: number, max: number, message = 'validation.number', rangeMessage = 'validation.range') {
  return z
    .string(message)
    .trim()
    .regex(DECIMAL, message)
    .transform((v) => Number(v.replace(',', '.')))
    .pipe(z.number().min(min, rangeMessage).max(max, rangeMessage));
}

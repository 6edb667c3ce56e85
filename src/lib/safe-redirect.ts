// Redirect targets after login must stay on this site (SECURITY.md 12).
import { paths } from '../paths';

export function safeReturnTo(value: unknown, fallback = paths.admin.home()): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  // One leading slash, then no slash or backslash: rules out //evil.example and /\evil.example.
  if (!/^\/(?![/\\])/.test(value)) return fallback;
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  return value;
}

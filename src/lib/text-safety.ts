// Text that cannot be stored and shown back faithfully: NUL and the other control characters (tab and line breaks
// are fine), and lone UTF-16 surrogates, which SQLite would store as invalid UTF-8 (#15.7). Refused, not cleaned:
// the person who typed it is told which field, and nothing they meant is silently changed.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** The text with each unsafe character shown as U+FFFD, for giving a refused form back to its author. */
export function markUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, '\uFFFD');
}

/** The path (a.b.0.c) of the first string in a parsed JSON value, key or value, with unsafe characters; else null. */
export function firstUnsafePath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return hasUnsafeCharacters(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstUnsafePath(item, [...path, String(i)]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnsafeCharacters(key)) return [...path, markUnsafeCharacters(key)].join('.');
      const found = firstUnsafePath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

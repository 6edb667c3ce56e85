// Redirect targets after login stay on this site (SECURITY.md 12).
import { safeReturnTo } from '../../src/lib/safe-redirect';

describe('safeReturnTo', () => {
  it.each(['/admin', '/admin/demo/settings?x=1', '/'])('keeps the relative path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each(['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 'admin', '', '/\tx', undefined, 42])(
    'replaces %p with the fallback',
    (value) => {
      expect(safeReturnTo(value, '/fallback')).toBe('/fallback');
    },
  );
});

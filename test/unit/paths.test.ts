// src/paths.ts builds every URL and src/routes.ts mounts every pattern: the two lists must be the same, the builder
// must encode what it is given, and no view may put a path together by hand.
import fs from 'node:fs';
import path from 'node:path';
import { path as pathOf, paths, type PathBuilder } from '../../src/paths';
import { declaredRoutes } from '../helpers/routes';
import { makeTestApp, type TestApp } from '../helpers/test-app';

/** Every builder in the table, however deep. */
function builders(node: unknown): PathBuilder<string>[] {
  if (typeof node === 'function') return [node as PathBuilder<string>];
  return Object.values(node as Record<string, unknown>).flatMap(builders);
}

describe('paths: building a URL', () => {
  it('fills the parameters, encoding each value', () => {
    expect(paths.painPoint({ municipality: 'aust', painPointId: 12 })).toBe('/aust/innspill/12');
    expect(paths.journey({ municipality: 'a b', journey: 'x/y?z' })).toBe('/a%20b/reiser/x%2Fy%3Fz');
    expect(paths.journeyFeed({ municipality: 'aust', journey: 'garasje' })).toBe('/aust/reiser/garasje/feed.atom');
    expect(paths.home()).toBe('/');
    expect(paths.admin.home()).toBe('/admin');
  });

  it('adds the query string without empty values, then the fragment', () => {
    expect(paths.top({ municipality: 'aust' }, { reise: 'garasje' })).toBe('/aust/viktigst?reise=garasje');
    expect(paths.mine({}, { slettet: 1, tom: '', ingen: undefined, null: null, av: false })).toBe('/mine?slettet=1');
    expect(paths.login({}, { returnTo: '/admin/aust?x=1&y=2' })).toBe('/login?returnTo=%2Fadmin%2Faust%3Fx%3D1%26y%3D2');
    expect(paths.admin.journeys.diff({ municipality: 'aust', journeyId: 3 }, { from: 1, to: 'draft' }, 'steps')).toBe('/admin/aust/journeys/3/diff?from=1&to=draft#steps');
    expect(paths.admin.journeys.show({ municipality: 'aust', journeyId: 3 }, undefined, 'phases')).toBe('/admin/aust/journeys/3#phases');
    expect(paths.admin.journeys.show({ municipality: 'aust', journeyId: 3 }, {})).toBe('/admin/aust/journeys/3');
  });

  it('throws when a parameter is missing or empty, rather than making a broken link', () => {
    expect(() => paths.painPoint({ municipality: 'aust' } as never)).toThrow(':painPointId');
    expect(() => paths.journey({ municipality: 'aust', journey: '' })).toThrow(':journey');
  });

  it('tells whether a request path is one of its own', () => {
    expect(paths.admin.journeys.import.matches('/admin/aust/journeys/import')).toBe(true);
    expect(paths.admin.journeys.import.matches('/admin/aust/journeys/import/x')).toBe(false);
    expect(paths.admin.journeys.import.matches('/admin/aust/journeys/3')).toBe(false);
    expect(pathOf('/:journey/feed.atom').matches('/x/feedxatom')).toBe(false);
  });
});

describe('the route table and the paths table', () => {
  let t: TestApp;
  beforeAll(() => {
    t = makeTestApp();
  });
  afterAll(() => t.close());

  it('serves each path of the table, and nothing that is not in it', () => {
    const patterns = new Set(builders(paths).map((b) => b.pattern));
    patterns.delete(paths.api.root.pattern); // a prefix for the API's guards and its 404, not a page
    const served = new Set(declaredRoutes(t.app).map((r) => r.path));
    expect([...served].filter((p) => !patterns.has(p))).toEqual([]);
    expect([...patterns].filter((p) => !served.has(p))).toEqual([]);
  });

  it('lists each pattern once', () => {
    const all = builders(paths).map((b) => b.pattern);
    expect(all.filter((p, i) => all.indexOf(p) !== i)).toEqual([]);
  });
});

describe('views', () => {
  const root = path.resolve(__dirname, '../../views');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  it('build no path by hand: every link and form address of the portal comes from `paths`', () => {
    const handBuilt: string[] = [];
    for (const file of files(root).filter((f) => f.endsWith('.ejs'))) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Static files keep their plain addresses; everything else starting with "/" is the portal's own path.
          const hit = /(?:href|action|src)="\/(?!assets\/)|(?:href|action|src)="<%= [^%]*\+ *'\/|['"]\/(?:admin|mine|login|innspill|reiser)\b|\+ *'\//.exec(line);
          if (hit) handBuilt.push(`${path.relative(root, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(handBuilt).toEqual([]);
  });
});

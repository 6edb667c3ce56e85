// The browser suite checks the pages in test/helpers/page-types.ts; this makes sure that list is the app's:
// a new GET route must be added there as a page type (and so be checked with axe) or be exempted with a reason.
import { declaredRoutes } from '../helpers/routes';
import { EXEMPT_ROUTES, PAGE_TYPES } from '../helpers/page-types';
import { makeTestApp, type TestApp } from '../helpers/test-app';

let testApp: TestApp;
let getRoutes: string[];

beforeAll(() => {
  testApp = makeTestApp();
  getRoutes = [...new Set(declaredRoutes(testApp.app).filter((r) => r.method === 'GET').map((r) => r.path))];
});
afterAll(() => testApp.close());

describe('page types checked in the browser', () => {
  it('finds the GET routes of the app (the enumeration itself works)', () => {
    expect(getRoutes).toEqual(expect.arrayContaining(['/', '/login', '/admin/:municipality/insights']));
    expect(getRoutes.length).toBeGreaterThan(40);
  });

  it('lists every GET route either as a checked page type or as an exemption with a reason', () => {
    const listed = new Set([...PAGE_TYPES.map((p) => p.route), ...EXEMPT_ROUTES.map((e) => e.route)]);
    const unlisted = getRoutes.filter((route) => !listed.has(route));
    expect(unlisted).toEqual([]);
  });

  it('lists no route the app does not serve, so the list cannot drift from the routes', () => {
    const served = new Set(getRoutes);
    const stale = [...PAGE_TYPES.map((p) => p.route), ...EXEMPT_ROUTES.map((e) => e.route)].filter((route) => !served.has(route));
    expect(stale).toEqual([]);
  });

  it('lists each route once, never both as a page and as an exemption', () => {
    const all = [...PAGE_TYPES.map((p) => p.route), ...EXEMPT_ROUTES.map((e) => e.route)];
    expect(all.filter((route, i) => all.indexOf(route) !== i)).toEqual([]);
  });

  it('gives every exemption a reason', () => {
    expect(EXEMPT_ROUTES.filter((e) => e.reason.trim().length < 10)).toEqual([]);
  });
});

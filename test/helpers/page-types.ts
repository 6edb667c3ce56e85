// Every page type the app serves, as the browser suite checks them, and the GET routes that are not pages, each
// with its reason. test/unit/page-types.test.ts compares both lists with the app's routes, so a new page is noticed.
/**
 * `resident`: a resident's own page, which only the browser that took part can open (404 for anyone else). The browser
 * suite takes part first (a "me too" and a report) and finds the page's address among the links on /mine.
 */
export type Audience = 'public' | 'resident' | 'staff' | 'first-run';

export interface PageType {
  /** The route exactly as the app declares it; parameters are filled from the demo seed by the browser suite. */
  route: string;
  audience: Audience;
  /** A query string the page needs to show its content (without the leading `?`). */
  query?: string;
  /** Further states of the same page worth an axe run of their own (filters, sorts), as query strings. */
  variants?: string[];
}

export interface ExemptRoute {
  route: string;
  reason: string;
}

export const PAGE_TYPES: PageType[] = [
  { route: '/', audience: 'public' },
  { route: '/:municipality', audience: 'public' },
  { route: '/:municipality/reiser/:journey', audience: 'public' },
  { route: '/:municipality/reiser/:journey/steg/:stepId', audience: 'public' },
  { route: '/:municipality/reiser/:journey/steg/:stepId/meld', audience: 'public' },
  { route: '/:municipality/reiser/:journey/meld', audience: 'public' },
  { route: '/:municipality/innspill/:painPointId', audience: 'public' },
  { route: '/:municipality/innspill/:painPointId/rapporter', audience: 'public' },
  { route: '/:municipality/viktigst', audience: 'public', variants: ['reise=bygge-garasje'] },
  { route: '/:municipality/vi-gjor', audience: 'public' },
  { route: '/mine', audience: 'public' },
  // Following by e-mail (#20): the pages its e-mails link to, with tokens the demo server makes (demo-server.ts).
  { route: '/folg/bekreft/:confirmToken', audience: 'public' },
  { route: '/folg/avmeld/:unsubscribeToken', audience: 'public' },
  { route: '/folg/adresse/:manageToken', audience: 'public' },
  { route: '/folg/bedre/:fixToken', audience: 'public', query: 'svar=partly' },
  { route: '/tilgjengelighet', audience: 'public' },
  // The privacy statement (#20): the portal's, and a municipality's own naming it as the controller.
  { route: '/personvern', audience: 'public' },
  { route: '/:municipality/personvern', audience: 'public' },
  // Deleting one's own report or "me too" asks first (#20).
  { route: '/mine/innspill/:painPointId/slett', audience: 'resident' },
  { route: '/mine/stemmer/:painPointId/slett', audience: 'resident' },
  { route: '/mine/opplevelser/:experienceId/slett', audience: 'resident' },
  // Your contributions on another device (#20.4): the form asking for a link (the same for everyone), and the link's
  // page, with a token the demo server makes (demo-server.ts).
  { route: '/mine/annen-enhet', audience: 'public' },
  { route: '/mine/annen-enhet/:deviceToken', audience: 'public' },
  { route: '/login', audience: 'public' },

  { route: '/setup/:token', audience: 'first-run' },

  { route: '/admin', audience: 'staff' },
  { route: '/admin/konto/passord', audience: 'staff' },
  // The second factor (#21.2): the signed-in admin's own page (enrolled: its state and nothing to turn off).
  { route: '/admin/konto/totp', audience: 'staff' },
  // An invitation's link (#21.2), with a token the demo server makes (demo-server.ts): a new person's password form.
  { route: '/admin/konto/invitasjon/:invitationToken', audience: 'public' },
  { route: '/admin/municipalities/new', audience: 'staff' },
  { route: '/admin/audit', audience: 'staff' },
  { route: '/admin/:municipality', audience: 'staff' },
  { route: '/admin/:municipality/settings', audience: 'staff' },
  { route: '/admin/:municipality/settings/users', audience: 'staff' },
  { route: '/admin/:municipality/settings/users/new', audience: 'staff' },
  { route: '/admin/:municipality/settings/users/:userId', audience: 'staff' },
  { route: '/admin/:municipality/settings/audit', audience: 'staff' },
  { route: '/admin/:municipality/departments', audience: 'staff' },
  { route: '/admin/:municipality/departments/:departmentId/edit', audience: 'staff' },
  { route: '/admin/:municipality/journeys', audience: 'staff' },
  { route: '/admin/:municipality/journeys/new', audience: 'staff' },
  { route: '/admin/:municipality/journeys/import', audience: 'staff' },
  { route: '/admin/:municipality/journeys/copy', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/edit', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/preview', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/versions', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/diff', audience: 'staff', query: 'from=1&to=draft' },
  { route: '/admin/:municipality/journeys/:journeyId/phases/:phaseId/edit', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/phases/:phaseId/steps/new', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/steps/:stepId/edit', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/steps/:stepId/handover', audience: 'staff' },
  // The demo journeys are in bokmål: without `language` the page is the nynorsk translation; English is its own run.
  { route: '/admin/:municipality/journeys/:journeyId/translations', audience: 'staff', variants: ['language=en'] },
  // Removing asks first (#19.6): pain point 1 of the demo is on step 1, so that page says "merge instead".
  { route: '/admin/:municipality/journeys/:journeyId/steps/:stepId/remove', audience: 'staff' },
  { route: '/admin/:municipality/journeys/:journeyId/phases/:phaseId/remove', audience: 'staff' },
  { route: '/admin/:municipality/review', audience: 'staff' },
  { route: '/admin/:municipality/review/:journeyId', audience: 'staff' },
  { route: '/admin/:municipality/moderation', audience: 'staff', variants: ['status=all&flagged=1'] },
  { route: '/admin/:municipality/moderation/svar', audience: 'staff' },
  { route: '/admin/:municipality/moderation/svar/:answerId/edit', audience: 'staff' },
  { route: '/admin/:municipality/moderation/:painPointId', audience: 'staff', variants: ['targets=journey', 'reasonFrom=1&answerFrom=2'] },
  // Pain point 2 of the demo is published on the same journey as 1: a target the preview accepts.
  { route: '/admin/:municipality/moderation/:painPointId/merge', audience: 'staff', query: 'targetId=2' },
  { route: '/admin/:municipality/insights', audience: 'staff', variants: ['sort=supporters&page=1'] },
  { route: '/admin/:municipality/insights/:painPointId', audience: 'staff' },
  { route: '/admin/:municipality/portfolio', audience: 'staff' },
  { route: '/admin/:municipality/portfolio/new', audience: 'staff', variants: ['candidate=1'] },
  { route: '/admin/:municipality/portfolio/:initiativeId', audience: 'staff' },
  { route: '/admin/:municipality/portfolio/:initiativeId/edit', audience: 'staff' },
];

export const EXEMPT_ROUTES: ExemptRoute[] = [
  { route: '/login/kode', reason: 'the second step of a sign-in with TOTP: only a browser half-way through a sign-in sees it (a redirect to /login otherwise); test/e2e/two-factor.e2e.ts runs axe on it and its enrolment and recovery-code pages' },
  { route: '/admin/innlogging/kommunekonto/svar', reason: 'staff single sign-on: the OpenID provider\'s answer, checked, then a redirect (404 unless STAFF_OIDC_* are set)' },
  { route: '/healthz', reason: 'health check for the load balancer: JSON, no page' },
  { route: '/api/v1/municipalities', reason: 'open data API: JSON for programs (docs/api.md)' },
  { route: '/api/v1/municipalities/:municipality/journeys', reason: 'open data API: JSON for programs (docs/api.md)' },
  { route: '/api/v1/municipalities/:municipality/journeys/:journey', reason: 'open data API: JSON for programs (docs/api.md)' },
  { route: '/api/v1/municipalities/:municipality/candidates', reason: 'open data API: JSON for programs (docs/api.md)' },
  { route: '/api/v1/municipalities/:municipality/candidates.csv', reason: 'open data download: the whole ranking as CSV (docs/api.md)' },
  { route: '/api/v1/openapi.json', reason: 'open data API: its OpenAPI 3.1 description, JSON for programs (docs/api.md)' },
  { route: '/api/v1/dcat.jsonld', reason: 'open data: the DCAT-AP-NO catalogue in JSON-LD for data.norge.no to harvest (docs/api.md)' },
  { route: '/metrics', reason: 'Prometheus metrics for the operator: text, allowed addresses or a token only, never a page' },
  { route: '/:municipality/reiser/:journey/feed.atom', reason: 'Atom feed for feed readers, linked from the journey page' },
  { route: '/admin/:municipality/journeys/:journeyId/export.json', reason: 'download: the journey in the exchange format' },
  { route: '/admin/:municipality/insights/export', reason: 'download: CSV, XLSX or JSON of the insights table' },
  { route: '/admin/:municipality/portfolio/export', reason: 'download: CSV or XLSX of the portfolio' },
  { route: '/:municipality/innspill/:painPointId/folg', reason: 'redirect to the follow form on the report page (its answer page\'s language links)' },
  { route: '/:municipality/reiser/:journey/folg', reason: 'redirect to the follow form on the journey map (its answer page\'s language links)' },
  // Residents' ID-porten verification (#21.3): only with IDPORTEN_* set, which the demo server of the browser suite is not
  // (its pages are 404 there). test/e2e/resident-verification.e2e.ts runs axe on them with the settings, in nb, nn, en.
  { route: '/mine/id-porten', reason: 'ID-porten\'s answer: a redirect on success; its failure page is axe-checked in resident-verification.e2e.ts' },
  { route: '/mine/id-porten/:municipality/fjern', reason: 'a verified resident\'s page (needs ID-porten): axe-checked in resident-verification.e2e.ts' },
];

export const LANGS = ['nb', 'nn', 'en'] as const;

export function pagesFor(audience: Audience): PageType[] {
  return PAGE_TYPES.filter((p) => p.audience === audience);
}

/** The route's path with its parameters filled, plus the page's own query string and `lang`. */
export function pageUrl(page: PageType, values: Record<string, string>, lang: string, query = page.query): string {
  const path = page.route.replace(/:(\w+)/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${page.route}`);
    return value;
  });
  return `${path}?${query ? `${query}&` : ''}lang=${lang}`;
}

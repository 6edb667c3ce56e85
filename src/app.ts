// createApp(deps): the middleware order, the routers and the error handler. No listen: tests use it directly.
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { Config } from './config';
import type { Db } from './db/connection';
import { barChart } from './lib/bar-chart';
import { emotionCurve } from './lib/emotion-curve';
import { FLASH_COOKIE, takeFlash } from './lib/flash';
import { formatDate, formatDateTime, formatNumber } from './lib/format';
import { createI18n } from './lib/i18n';
import type { Logger } from './lib/logger';
import { loadCurrentUser } from './middleware/auth';
import { noStore } from './middleware/cache-headers';
import { crossOriginProtection } from './middleware/cross-origin';
import { csrfProtection } from './middleware/csrf';
import { errorHandler, notFound } from './middleware/errors';
import { language, languageOf } from './middleware/language';
import { leanPath } from './middleware/lean-path';
import { viewLocals } from './middleware/locals';
import { securityHeaders } from './middleware/security-headers';
import { requestLog } from './middleware/request-log';
import { onlyPaths } from './middleware/only-paths';
import { SESSION_COOKIE, SESSION_TTL_MS, sessionsFromCookie } from './middleware/sessions';
import { SharedPages } from './middleware/shared-pages';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './modules/sign-in/login-throttle.service';
import { SqliteSessionStore } from './modules/sign-in/session.store';
import { participantCookie } from './middleware/participant';
import { createMetrics, LOOPBACK_ONLY } from './modules/metrics';
import { PARTICIPANT_COOKIE } from './modules/feedback/participant-key';
import { TRANSLATION_MAX_FIELDS } from './modules/journeys/translations.schema';
import { paths } from './paths';
import { openRoutes, pageRoutes } from './routes';
import { residentVerification } from './modules/verification';
import type { Services } from './services';

export { SESSION_COOKIE };
export const BODY_LIMIT = '100kb';
const IMPORT_BODY_LIMIT = '2mb';
const GRID_BODY_LIMIT = '1mb';
const ROOT = path.resolve(__dirname, '..');
const FONT_FILE = /^\/(?:[a-z0-9-]+\.css|files\/[a-z0-9-]+\.woff2?)$/;

export interface AppDeps {
  config: Pick<Config, 'trustProxy' | 'production' | 'baseUrl'> & Partial<Pick<Config, 'staffOidc' | 'idporten' | 'metrics'>>;
  db: Db;
  logger: Logger;
  sessionSecret: string;
  /** Built once by the composition root (server.ts, the test harness) and shared with it. */
  services: Services;
  /** Overrides of the sign-in throttle's limits (tests); the rest are the defaults. */
  loginLimits?: Partial<LoginLimits>;
  /** The key of verified residents' pseudonyms (#21.3), resolved by the composition root; needed with config.idporten. */
  pseudonymSecret?: string;
  /**
   * The key staff members' TOTP secrets are sealed with (TOTP_SECRET_KEY, else the data folder's totp-key), resolved by
   * the composition root. Without it the second factor cannot be enrolled or checked (the service refuses to store a
   * secret in clear).
   */
  totpSecretKey?: string;
}

export function createApp(deps: AppDeps) {
  const { db, logger } = deps;
  const { services } = deps;
  const sessionStore = new SqliteSessionStore(db);
  const csrf = csrfProtection(deps.sessionSecret);
  const app = express();

  app.set('trust proxy', deps.config.trustProxy); // a hop count, never `true` (SECURITY.md 19)
  app.set('view engine', 'ejs');
  app.set('views', path.join(ROOT, 'views'));
  app.set('view cache', deps.config.production);
  app.disable('x-powered-by');
  app.locals.sessionStore = sessionStore;
  // The portal's own address, for the few absolute links it writes (exports); never taken from a request's Host.
  app.locals.baseUrl = deps.config.baseUrl;
  // View helpers: pure functions, no request state.
  Object.assign(app.locals, { emotionCurve, barChart, formatDate, formatDateTime, formatNumber });
  // Every link a view writes comes from here (src/paths.ts).
  app.locals.paths = paths;

  // First of all, so every answer is timed and counted, the lean path's and the static files' included (#22.3).
  const metrics = createMetrics({
    db,
    // config.metrics: who may read /metrics; loopback only when absent.
    access: deps.config.metrics ?? LOOPBACK_ONLY,
    activity: services.residentActivity,
    clock: services.clock,
    backups: services.backups,
  });
  app.use(metrics.requests);
  app.use(requestLog(logger));
  // Staff single sign-on (#21.1) only when configured; then, and only then, "require single sign-on" refuses passwords.
  if (deps.totpSecretKey) services.twoFactor.configure({ key: deps.totpSecretKey, logger });
  const staffSso = deps.config.staffOidc ? services.staffSso(deps.config.staffOidc, deps.config.baseUrl) : null;
  if (staffSso) {
    services.auth.offerSingleSignOn();
    staffSso.warmUp();
  }
  // Residents' ID-porten verification (#21.3) only when configured; otherwise its routes are 404 and no page shows it.
  const { idporten } = deps.config;
  const verification = residentVerification({
    ...services,
    settings: idporten && deps.pseudonymSecret ? { ...idporten, pseudonymSecret: deps.pseudonymSecret } : null,
    baseUrl: deps.config.baseUrl,
    sessionSecret: deps.sessionSecret,
  });
  // Single sign-on's start and logout, and ID-porten's, answer a form with a redirect to the provider (#21): the CSP's
  // form-action names the providers' origins, read for each response as discovery finds their endpoints.
  app.use(securityHeaders(() => [...(staffSso?.formTargets() ?? []), ...verification.formTargets()]));

  app.use('/assets/ds', express.static(path.join(ROOT, 'node_modules/@digdir/designsystemet-css/dist'), { maxAge: '1d' }));
  // The font package also holds its package.json, README and licence: only its style sheets and font files are served.
  app.use('/assets/fonts/inter', onlyPaths(FONT_FILE, express.static(path.join(ROOT, 'node_modules/@fontsource/inter'), { maxAge: '7d' })));
  app.use('/assets', express.static(path.join(ROOT, 'public'), { maxAge: '1h' }));
  // The health check and the open data API: before cookies and sessions, so they never set a cookie.
  app.use(openRoutes(services, db, { metrics, baseUrl: deps.config.baseUrl }));

  // Public pages kept for every anonymous visitor; the lean path answers from them before anything below runs.
  const sharedPages = new SharedPages();
  const i18n = createI18n();
  app.use(leanPath({ pages: sharedPages, languageOf: languageOf(i18n), personalCookies: [SESSION_COOKIE, PARTICIPANT_COOKIE, FLASH_COOKIE] }));

  app.use(cookieParser(), takeFlash(), language(i18n), viewLocals(csrf.token));
  // A cross-site POST is refused before its body is read (SECURITY.md 11).
  app.use(crossOriginProtection(deps.config.baseUrl));
  const smallBodies = express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 200 });
  // Only a journey import carries a whole document.
  const importBodies = express.urlencoded({ extended: false, limit: IMPORT_BODY_LIMIT, parameterLimit: 10 });
  // A phase grid (#19.1) carries a phase with all its steps: up to 64 columns of ten fields.
  const gridBodies = express.urlencoded({ extended: false, limit: GRID_BODY_LIMIT, parameterLimit: 700 });
  const isGrid = (p: string) => paths.admin.journeys.phaseGrid.matches(p) || paths.admin.journeys.phases.matches(p);
  // A journey's translation page (#19.9) is one form with a field for every text of the journey, as long as a document.
  const translationBodies = express.urlencoded({ extended: false, limit: IMPORT_BODY_LIMIT, parameterLimit: TRANSLATION_MAX_FIELDS });
  const bodiesOf = (p: string) =>
    paths.admin.journeys.import.matches(p) ? importBodies : isGrid(p) ? gridBodies : paths.admin.journeys.translations.matches(p) ? translationBodies : smallBodies;
  app.use((req, res, next) => bodiesOf(req.path)(req, res, next));
  app.use(
    sessionsFromCookie({
      name: SESSION_COOKIE,
      secret: deps.sessionSecret,
      store: sessionStore,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_TTL_MS },
    }),
  );
  app.use(loadCurrentUser(services.auth), participantCookie(deps.sessionSecret));
  app.use(csrf.protect);

  // Every page is private unless it is one the visitor does not change (SharedPages makes those public).
  app.use(noStore);
  app.use(pageRoutes(services, sharedPages, services.loginThrottle(deps.sessionSecret, { ...DEFAULT_LOGIN_LIMITS, ...deps.loginLimits }), staffSso, verification));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}

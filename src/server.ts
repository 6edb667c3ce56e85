// Start-up only: config, open and migrate the database, seed the demo, listen, and shut down gracefully.
import fs from 'node:fs';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase, pidFileOf } from './db/connection';
import { seedDemo } from './modules/demo/demo-seed';
import { MigrationError } from './db/migrate';
import { appVersion } from './lib/app-version';
import { prepareSchema } from './modules/operations/upgrade';
import { movableClock } from './lib/clock';
import { createHttpServer } from './lib/http-server';
import { createLogger } from './lib/logger';
import { resolveSessionSecret } from './lib/session-secret';
import { resolvePseudonymSecret } from './modules/verification/pseudonym';
import { resolveTotpKey, TOTP_KEY_FILE } from './modules/two-factor/totp-seal';
import { paths } from './paths';
import type { SqliteSessionStore } from './modules/sign-in/session.store';
import { fileTransport, smtpTransport } from './modules/notices/mail-transport';
import { DEFAULT_SENDER_OPTIONS } from './modules/notices/notice-sender';
import { buildServices } from './services';

/** How long requests under way get to finish on SIGTERM before their connections are closed. */
const SHUTDOWN_GRACE_MS = 10_000;
/** EX_CONFIG: the database or the configuration needs an operator; a restart would fail the same way. */
const EXIT_REFUSED = 78;

function main(): void {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath);
  try {
    // A newer schema than this version knows stops here, untouched; pending migrations run after a backup (#22.5).
    const { ran, backup } = prepareSchema(db, { databasePath: config.databasePath, backupDir: config.backups.dir, appVersion: appVersion(), logger });
    if (ran.length > 0) logger.info({ migrations: ran, backup }, 'database migrated');
  } catch (err) {
    if (err instanceof MigrationError) {
      console.error(err.message);
      db.close();
      // 78 (EX_CONFIG): restarting cannot help; deploy/reisekart.service does not restart on it.
      process.exit(EXIT_REFUSED);
    }
    throw err;
  }
  // The composition root: the services are built once here and shared by the seed and the app.
  const clock = movableClock();
  const services = buildServices(db, clock.now);
  if (config.seedDemo && seedDemo(db, services, clock)) logger.info('demo municipality "demo" seeded');

  // Residents' ID-porten verification (#21.3): its pseudonym key is made (and kept) only when it is configured.
  const pseudonymSecret = config.idporten ? resolvePseudonymSecret(config.pseudonymSecret, config.dataDir) : undefined;
  // Staff members' TOTP secrets are sealed with this key (#21 follow-up); it is not in any backup (deploy/README.md).
  const totpSecretKey = resolveTotpKey(config.totpSecretKey, config.dataDir);
  const app = createApp({ config, db, logger, services, sessionSecret: resolveSessionSecret(config.sessionSecret, config.dataDir), pseudonymSecret, totpSecretKey });
  // Before the first request: secrets still in clear (written before sealing came) are sealed now, so the next backup
  // holds none; sealed ones this key cannot open are reported (their staff can sign in only with recovery codes).
  const totpSecrets = services.twoFactor.sealStoredSecrets();
  if (totpSecrets.sealed > 0) logger.info({ sealed: totpSecrets.sealed }, 'TOTP secrets stored in clear have been sealed');
  if (totpSecrets.unreadable > 0) {
    logger.error(
      { unreadable: totpSecrets.unreadable },
      `TOTP secrets that this key cannot open: restore the ${TOTP_KEY_FILE} file (or TOTP_SECRET_KEY) the database was written with; until then those staff sign in only with recovery codes`,
    );
  }
  if (config.idporten) logger.info({ issuer: config.idporten.issuer }, 'residents may verify themselves with ID-porten');
  const sessionStore = app.locals.sessionStore as SqliteSessionStore;
  // The periodic housekeeping: expired sessions, and spent or long-expired staff invitations (#21 follow-up). A failure
  // (a busy database) is logged and the next round tries again; it must not end the process.
  const pruning = setInterval(() => {
    try {
      sessionStore.prune();
      const invitations = services.staff.purgeInvitations();
      if (invitations > 0) logger.info({ invitations }, 'spent and expired staff invitations purged');
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, 'housekeeping failed');
    }
  }, 15 * 60 * 1000);
  pruning.unref();

  // Residents' e-mail (#20): the outbox's sender runs in this process; links in the e-mails use the public address.
  const transport = config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : fileTransport(config.mail.dir);
  const sender = services.noticeSender({
    baseUrl: config.baseUrl,
    from: config.mail.from,
    transport,
    logger,
    options: { ...DEFAULT_SENDER_OPTIONS, pollMs: config.mail.pollMs, maxAttempts: config.mail.maxAttempts, baseDelayMs: config.mail.retryMs },
  });
  sender.start();
  // Scheduled backups (#22.2) in this process, off without BACKUP_DIR (the doctor warns).
  const { dir: backupDir, intervalMinutes } = config.backups;
  services.backups.configure(backupDir ? { dir: backupDir, intervalMs: intervalMinutes * 60_000, logger } : null);
  services.backups.start();
  if (!backupDir) logger.warn('no BACKUP_DIR: scheduled backups are off');
  if (!config.mail.smtpUrl) logger.info({ dir: config.mail.dir }, 'no SMTP_URL: e-mails are written as .eml files');

  // Lets `npm run restore` see that the database is in use.
  const pidFile = config.databasePath === ':memory:' ? null : pidFileOf(config.databasePath);
  if (pidFile) fs.writeFileSync(pidFile, `${process.pid}\n`);

  const server = createHttpServer(app, config);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // With PORT=0 the system picks the port: the line shows the real one. Behind a proxy, BASE_URL is the address
    // residents use, and the one links are made from.
    const local = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
    const baseUrl = config.baseUrlGiven ? config.baseUrl : local;
    logger.info({ port, host: config.host }, 'listening');
    console.log(`Reisekart is running on ${local}`);
    if (baseUrl !== local) console.log(`Its public address (BASE_URL) is ${baseUrl}`);
    const { auth } = services;
    if (auth.needsSetup()) {
      const token = auth.issueSetupToken();
      console.log(
        [
          '',
          'No staff account exists yet. Create the first (platform) admin by opening this one-time link:',
          `  ${baseUrl}${paths.setup({ token })}`,
          'or from a shell:',
          '  npm run cli -- create-user --email you@example.no --name "Your Name" --platform-admin',
          '',
        ].join('\n'),
      );
    }
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A backup under way is abandoned at once (its partial file removed): the next start takes the next one.
    const backupsStopped = services.backups.stop();
    // No new connections; the requests under way are answered first.
    server.close(async () => {
      try {
        await backupsStopped;
        // The round under way finishes first, so no claimed e-mail is left unmarked by a graceful stop.
        await sender.stop();
        transport.close();
      } catch (err) {
        logger.error({ err }, 'error while shutting down');
      }
      db.close();
      if (pidFile) fs.rmSync(pidFile, { force: true });
      logger.info('stopped');
      process.exit(0);
    });
    // A kept-alive connection closes as soon as it has no request under way: now for the idle ones, and then each
    // one as its answer is sent.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    // A request still unanswered after the grace period (a slow client, a stuck export) must not hold the stop for
    // ever; deploy/reisekart.service's TimeoutStopSec allows for this plus a stuck SMTP round.
    setTimeout(() => {
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();

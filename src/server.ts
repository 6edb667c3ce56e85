// Start-up only: config, open and migrate the database, seed the demo, listen, and shut down gracefully.
import fs from 'node:fs';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase, pidFileOf } from './db/connection';
import { seedDemo } from './modules/demo/demo-seed';
import { migrate, MigrationError } from './db/migrate';
import { movableClock } from './lib/clock';
import { createHttpServer } from './lib/http-server';
import { createLogger } from './lib/logger';
import { resolveSessionSecret } from './lib/session-secret';
import { paths } from './paths';
import type { SqliteSessionStore } from './modules/sign-in/session.store';
import { fileTransport, smtpTransport } from './modules/notices/mail-transport';
import { DEFAULT_SENDER_OPTIONS } from './modules/notices/notice-sender';
import { buildServices } from './services';

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
    const ran = migrate(db);
    if (ran.length > 0) logger.info({ migrations: ran }, 'database migrated');
  } catch (err) {
    if (err instanceof MigrationError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // The composition root: the services are built once here and shared by the seed and the app.
  const clock = movableClock();
  const services = buildServices(db, clock.now);
  if (config.seedDemo && seedDemo(db, services, clock)) logger.info('demo municipality "demo" seeded');

  const app = createApp({ config, db, logger, services, sessionSecret: resolveSessionSecret(config.sessionSecret, config.dataDir) });
  const sessionStore = app.locals.sessionStore as SqliteSessionStore;
  const pruning = setInterval(() => sessionStore.prune(), 15 * 60 * 1000);
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
    server.close(async () => {
      // The round under way finishes first, so no claimed e-mail is left unmarked by a graceful stop.
      await sender.stop();
      transport.close();
      db.close();
      if (pidFile) fs.rmSync(pidFile, { force: true });
      process.exit(0);
    });
    server.closeIdleConnections();
    // Open keep-alive or slow requests must not hold the shutdown for ever.
    setTimeout(() => {
      server.closeAllConnections();
    }, 5000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();

// #20.6: no notice is lost or sent twice across a kill -9 of the real server (src/server.ts as a child process) in the
// middle of sending. The test's SMTP server accepts the first e-mail, holds the second before answering its DATA, and
// the server is killed then; the held message is never accepted (its client is gone). After a restart every notice
// has arrived exactly once, counted by Message-ID, and the database passes its integrity check.
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { buildServices } from '../../src/services';
import { baseUrlOf, startServer, tempDb, waitFor, type ChildServer } from '../helpers/child-server';
import { buildJourney } from '../helpers/journeys';
import { startMailServer, type MailServer } from '../helpers/mail-server';
import { createMunicipality } from '../helpers/test-app';

const FOLLOWERS = 4;

/** A municipality with two published reports, each followed by two confirmed addresses, and an answer to each queued. */
function prepareDatabase(dbPath: string): void {
  const db = openDatabase(dbPath);
  migrate(db);
  const services = buildServices(db);
  const m = createMunicipality(services, 'krasj', 'Krasj', { premoderation: false });
  const j = buildJourney(services, 'krasj', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  const author = services.feedback.ensureParticipant('author');
  const municipality = services.municipalities.bySlug('krasj');
  const ids = [1, 2].map((n) => services.feedback.submit(author, municipality, j.journeyId, j.stepIds[0]!, { title: `Smerte ${n}`, body: 'tekst', severity: 3, channel: null }).id);
  for (let i = 0; i < FOLLOWERS; i += 1) {
    const painPointId = ids[i % 2]!;
    services.follows.request({ email: `folger${i}@eksempel.no`, mode: 'immediate', language: 'nb', about: { target: { painPointId }, title: 'x', path: '/krasj' }, participantId: null });
    const { token } = JSON.parse(db.prepare("SELECT payload FROM outbox WHERE kind = 'confirm' ORDER BY id DESC LIMIT 1").pluck().get() as string) as { token: string };
    services.follows.confirm(token);
  }
  // Only the notices count here: the confirmations went some other way.
  db.prepare("UPDATE outbox SET status = 'sent', recipient = NULL, payload = '{}' WHERE kind = 'confirm'").run();
  for (const id of ids) services.moderation.answer(null, m, id, 'planned', `Svar på ${id}`);
  db.close();
}

function start(dbPath: string, mail: MailServer): ChildServer {
  return startServer({
    DATABASE_PATH: dbPath,
    SEED_DEMO: 'off',
    SESSION_SECRET: 'crash-test-secret-crash-test-secret-1234',
    BASE_URL: 'https://reisekart.test.example',
    SMTP_URL: mail.url,
    MAIL_POLL_SECONDS: '1',
  });
}

describe('the outbox across kill -9', () => {
  let mail: MailServer;
  const servers: ChildServer[] = [];
  beforeAll(async () => {
    mail = await startMailServer();
  });
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await mail.close();
  });

  it('delivers every notice exactly once when the server is killed while an e-mail is being sent', async () => {
    const dbPath = tempDb();
    prepareDatabase(dbPath);
    let releaseFirst!: () => void;
    let releaseSecond!: () => void;
    mail.hold = new Promise<void>((r) => (releaseFirst = r));
    const first = start(dbPath, mail);
    servers.push(first);
    await baseUrlOf(first);
    await waitFor(() => mail.received === 1);
    // The first is accepted (and marked sent); the second will be held when it arrives.
    mail.hold = new Promise<void>((r) => (releaseSecond = r));
    releaseFirst();
    await waitFor(() => mail.received === 2);
    expect(mail.accepted).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.exited;
    // The killed client's connection is seen closed before the held message is answered: it is never accepted.
    await waitFor(() => mail.connections() === 0);
    mail.hold = null;
    releaseSecond();
    await new Promise((r) => setTimeout(r, 200));
    expect(mail.accepted).toHaveLength(1);

    const db = new Database(dbPath, { readonly: true });
    // The round had claimed them all: the one accepted is sent, the held one and those not tried yet are 'sending'.
    expect(db.prepare("SELECT status, count(*) AS n FROM outbox WHERE kind = 'answer' GROUP BY status ORDER BY status").all()).toEqual([
      { status: 'sending', n: FOLLOWERS - 1 },
      { status: 'sent', n: 1 },
    ]);
    db.close();

    const second = start(dbPath, mail);
    servers.push(second);
    await baseUrlOf(second);
    await waitFor(() => mail.accepted.length >= FOLLOWERS);
    // Time for anything sent twice to arrive.
    await new Promise((r) => setTimeout(r, 2500));
    const ids = mail.accepted.map((msg) => msg.messageId);
    expect(ids).toHaveLength(FOLLOWERS);
    expect(new Set(ids).size).toBe(FOLLOWERS);
    expect(new Set(mail.accepted.map((msg) => (msg.to as { text: string }).text)).size).toBe(FOLLOWERS);
    second.child.kill('SIGTERM');
    await second.exited;

    const after = new Database(dbPath, { readonly: true });
    expect(after.prepare("SELECT status, count(*) AS n FROM outbox WHERE kind = 'answer' GROUP BY status").all()).toEqual([{ status: 'sent', n: FOLLOWERS }]);
    expect(after.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    after.close();
  }, 60_000);
});

// A server on the demo seed with a platform admin and a demo designer, and the values that fill the page types'
// route parameters there, for the suites that walk every page (a11y, reflow, screenshots).
import type { Browser } from 'playwright-core';
import { seedDemo } from '../../../src/modules/demo/demo-seed';
import { fixAnswerToken } from '../../../src/modules/notices/fix-answer-links';
import { createUser } from '../../helpers/test-app';
import { launchBrowser } from './browser';
import { startServer, type TestServer } from './server';

export const PLATFORM_ADMIN = 'plattform@demo.test';

export interface DemoServer extends TestServer {
  /** Route parameter -> value on the demo seed (see page-types.ts' pageUrl). */
  values: Record<string, string>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const server = await startServer();
  seedDemo(server.testApp.db, server.testApp.services, server.testApp.clock);
  await createUser(server.testApp.services, { email: PLATFORM_ADMIN, platformAdmin: true, name: 'Plattform Admin' });
  // A member of the demo municipality, so the users table, a user's page and the audit log have rows to show.
  const designer = await createUser(server.testApp.services, { email: 'designer@demo.test', municipality: 'demo', roles: ['designer'] });
  // The demo seed is deterministic on a fresh database: journey 1 is «Jeg skal bygge garasje», step 1 its first
  // step, pain point 1 is published, and initiative 1, department 1 and saved answer 1 exist.
  const values = {
    ...followTokens(server.testApp),
    ...deviceToken(server.testApp),
    ...invitationToken(server.testApp),
    municipality: 'demo',
    journey: 'bygge-garasje',
    stepId: '1',
    painPointId: '1',
    journeyId: '1',
    phaseId: '1',
    departmentId: '1',
    initiativeId: '1',
    answerId: '1',
    userId: String(designer),
  };
  return { ...server, values };
}

/** A confirmed follow of pain point 1 and a request still waiting, for the pages of following by e-mail (#20). */
function followTokens(testApp: TestServer['testApp']): { confirmToken: string; unsubscribeToken: string; manageToken: string; fixToken: string } {
  const { follows } = testApp.services;
  const confirmTokenOf = (email: string) => {
    follows.request({ email, mode: 'immediate', language: 'nb', about: { target: { painPointId: 1 }, title: 'demo', path: '/demo/innspill/1' }, participantId: null });
    const payload = testApp.db.prepare("SELECT payload FROM outbox WHERE kind = 'confirm' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    return (JSON.parse(payload) as { token: string }).token;
  };
  const { manageToken } = follows.confirm(confirmTokenOf('folger@demo.test'));
  const followId = testApp.db.prepare('SELECT id FROM follows ORDER BY id DESC LIMIT 1').pluck().get() as number;
  const salt = testApp.db.prepare('SELECT salt FROM follows WHERE id = ?').pluck().get(followId) as Buffer;
  // "Is it fixed?" (#20.3): the follow's link for pain point 1, as the question e-mail carries it.
  const fixToken = fixAnswerToken(follows.signer(), followId, 1, salt);
  return { confirmToken: confirmTokenOf('venter@demo.test'), unsubscribeToken: follows.unsubscribeToken(followId, salt), manageToken, fixToken };
}

/** A sign-in link to another device (#20.4): a participant's confirmed follow, and the link asked for its address. */
function deviceToken(testApp: TestServer['testApp']): { deviceToken: string } {
  const { follows, feedback, deviceLinks } = testApp.services;
  const participantId = feedback.ensureParticipant('demo-device-participant');
  follows.request({ email: 'enhet@demo.test', mode: 'weekly', language: 'nb', about: { target: { painPointId: 1 }, title: 'demo', path: '/demo/innspill/1' }, participantId });
  const confirm = testApp.db.prepare("SELECT payload FROM outbox WHERE kind = 'confirm' ORDER BY id DESC LIMIT 1").pluck().get() as string;
  follows.confirm((JSON.parse(confirm) as { token: string }).token);
  deviceLinks.request('enhet@demo.test', 'nb');
  const payload = testApp.db.prepare("SELECT payload FROM outbox WHERE kind = 'confirm' ORDER BY id DESC LIMIT 1").pluck().get() as string;
  return { deviceToken: (JSON.parse(payload) as { token: string }).token };
}

/** A staff invitation to a new person (#21.2), for its link's page: the token as its e-mail carries it. */
function invitationToken(testApp: TestServer['testApp']): { invitationToken: string } {
  const demo = testApp.services.municipalities.bySlug('demo');
  const adminId = testApp.db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(PLATFORM_ADMIN) as number;
  testApp.services.staff.invite(adminId, demo, { email: 'invitert@demo.test', name: 'Invitert Person', roles: ['analyst'] });
  const payload = testApp.db.prepare("SELECT payload FROM outbox WHERE kind = 'invitation' ORDER BY id DESC LIMIT 1").pluck().get() as string;
  return { invitationToken: (JSON.parse(payload) as { token: string }).token };
}

export interface DemoSuite {
  server: DemoServer;
  browser: Browser;
}

/** Starts a demo server and chromium before the calling file's tests and closes both after them. */
export function demoSuite(): DemoSuite {
  const suite = {} as DemoSuite;
  beforeAll(async () => {
    suite.server = await startDemoServer();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

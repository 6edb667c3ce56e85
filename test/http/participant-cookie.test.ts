// #15.1: participant cookies are issued and signed by the server. A value the server did not sign (a made-up
// 43-character value, an altered signature) is never taken as a participant: it is replaced when its holder takes part.
import crypto from 'node:crypto';
import request from 'supertest';
import { participantCookies, participantKeyHash, PARTICIPANT_COOKIE } from '../../src/modules/feedback/participant-key';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

const SECRET = 'test-secret-test-secret-test-secret-1234'; // the test app's session secret

let t: TestApp;
let painPointId: number;
beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust');
  t.db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  const stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  painPointId = await report(await resident(t.app, stepPath), stepPath);
});
afterAll(() => t.close());

const participants = () => t.db.prepare('SELECT key_hash FROM participants').pluck().all() as string[];

/** "Me too" with the given participant cookie (a resident's form carries no CSRF token); returns the answer. */
async function voteWith(participantCookie: string | null, painPoint = painPointId) {
  const cookies: string[] = [];
  if (participantCookie !== null) cookies.push(`${PARTICIPANT_COOKIE}=${encodeURIComponent(participantCookie)}`);
  return request(t.app)
    .post(`/aust/innspill/${painPoint}/meg-ogsa`)
    .set('Cookie', cookies.join('; '))
    .type('form')
    .send({ severity: '3' });
}

function issuedCookie(res: request.Response): string | undefined {
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${PARTICIPANT_COOKIE}=`));
  return set && decodeURIComponent(set.split(';')[0]!.slice(PARTICIPANT_COOKIE.length + 1));
}

describe('participant cookies (#15.1)', () => {
  it('issues a signed cookie on a first "me too", and the server keeps only the keyed hash of its value', async () => {
    const res = await voteWith(null);
    expect(res.status).toBe(303);
    const cookie = issuedCookie(res)!;
    const value = participantCookies(SECRET).read(cookie);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(participants()).toContain(participantKeyHash(SECRET, value!));
  });

  it('takes back a cookie it signed: the same resident, no new cookie, and the vote is theirs', async () => {
    const first = await voteWith(null);
    const cookie = issuedCookie(first)!;
    const again = await voteWith(cookie);
    expect(again.status).toBe(303);
    expect(issuedCookie(again)).toBeUndefined();
    const mine = await request(t.app).get('/mine').set('Cookie', `${PARTICIPANT_COOKIE}=${encodeURIComponent(cookie)}`);
    expect(mine.text).toContain(`/aust/innspill/${painPointId}`);
  });

  it('never takes a made-up 43-character value as a participant: the vote goes to a new, signed cookie instead', async () => {
    const madeUp = crypto.randomBytes(32).toString('base64url');
    const before = participants().length;
    const res = await voteWith(madeUp);
    expect(res.status).toBe(303);
    expect(participants()).not.toContain(participantKeyHash(SECRET, madeUp));
    const replacement = issuedCookie(res)!;
    expect(replacement).not.toBe(madeUp);
    expect(participantCookies(SECRET).read(replacement)).not.toBeNull();
    expect(participants().length).toBe(before + 1);
    // The made-up value shows nothing of what was done with it.
    const mine = await request(t.app).get('/mine').set('Cookie', `${PARTICIPANT_COOKIE}=${madeUp}`);
    expect(mine.text).not.toContain(`/aust/innspill/${painPointId}`);
  });

  it('refuses a signed cookie whose value or signature was altered, and one signed with another key', async () => {
    const genuine = participantCookies(SECRET).issue().cookie;
    const [value, signature] = genuine.split('.') as [string, string];
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const otherKey = participantCookies('another-secret-another-secret-another-1').issue().cookie;
    for (const forged of [`${flip(value)}.${signature}`, `${value}.${flip(signature)}`, otherKey, value, `${value}.`]) {
      expect(participantCookies(SECRET).read(forged)).toBeNull();
      const res = await voteWith(forged);
      expect(res.status).toBe(303);
      expect(issuedCookie(res)).not.toBe(forged);
      expect(participantCookies(SECRET).read(issuedCookie(res))).not.toBeNull();
    }
  });

  it('leaves no participant behind for a "me too" on a pain point that does not exist', async () => {
    const before = participants().length;
    for (let i = 0; i < 20; i += 1) {
      const res = await voteWith(crypto.randomBytes(32).toString('base64url'), 999_999);
      expect(res.status).toBe(404);
    }
    expect(participants().length).toBe(before);
  });
});

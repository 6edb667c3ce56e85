// #21.3: residents' optional ID-porten verification, through the real app with supertest agents against a real OpenID
// provider playing ID-porten (oidc-provider, test/helpers/oidc-provider.ts): the request (PKCE S256, state, nonce,
// acr_values, ui_locales), the stored pseudonym, every refusal (state, nonce, verifier, issuer, expired and replayed
// code, a too-low acr, a refusal at ID-porten, another browser), one person from two browsers and in two
// municipalities, logout at ID-porten, removal, no pid anywhere, and nothing of it without configuration.
import crypto from 'node:crypto';
import request from 'supertest';
import nb from '../../locales/nb.json';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { createLogger } from '../../src/lib/logger';
import { PSEUDONYM_SECRET_FILE, resolvePseudonymSecret } from '../../src/modules/verification/pseudonym';
import { buildJourney } from '../helpers/journeys';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { report, resident } from '../helpers/residents';
import { anonymousAgent, createMunicipality, makeTestApp, TEST_BASE_URL, type Agent, type TestApp } from '../helpers/test-app';

const CALLBACK = `${TEST_BASE_URL}/mine/id-porten`;
const MINE = `${TEST_BASE_URL}/mine`;
const PSEUDONYM_KEY = 'pseudonym-key-of-this-test-0123456789abcdef';
/** Every pid this file signs in with: the database scan looks for each. */
const PIDS = { kari: '05117349761', ola: '13028012345', per: '29109054321', lise: '17066632198', eva: '02125599876' };

let op: TestOidcProvider;
let t: TestApp;
const logLines: string[] = [];
let stepPath: { aust: string; vest: string };
let municipalityId: { aust: number; vest: number };

beforeAll(async () => {
  op = await startOidcProvider({ kind: 'idporten', redirectUris: [CALLBACK], postLogoutRedirectUris: [MINE] });
  t = makeTestApp({
    idporten: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, pseudonymSecret: PSEUDONYM_KEY },
    // Everything the app logs, at every level, for the check that no pid reaches it.
    logger: createLogger('trace', { write: (line: string) => void logLines.push(line) }),
  });
  municipalityId = { aust: createMunicipality(t.services, 'aust', 'Aust kommune', { premoderation: false }), vest: createMunicipality(t.services, 'vest', 'Vest kommune', { premoderation: false }) };
  const aust = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Søke'] }, publish: true });
  const vest = buildJourney(t.services, 'vest', { slug: 'reise', phases: { A: ['Søke'] }, publish: true });
  stepPath = { aust: `/aust/reiser/reise/steg/${aust.stepIds[0]}`, vest: `/vest/reiser/reise/steg/${vest.stepIds[0]}` };
});
afterAll(async () => {
  t.close();
  await op.close();
});

const expectedPseudonym = (municipality: number, pid: string) => crypto.createHmac('sha256', PSEUDONYM_KEY).update(`${municipality}:${pid}`).digest('base64url');

const setCookies = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const cookieHeader = (res: request.Response, name: string): string | undefined => setCookies(res).find((c) => c.startsWith(`${name}=`));
/** The `name=value` pair a response set, to send again by hand (a replay, another browser). */
const cookiePair = (res: request.Response, name: string): string => cookieHeader(res, name)!.split(';')[0]!;

/** A resident who reported on the municipality's step: the agent and the report's page. */
async function participant(slug: 'aust' | 'vest'): Promise<{ agent: Agent; painPointPath: string }> {
  const r = await resident(t.app, stepPath[slug]);
  const id = await report(r, stepPath[slug]);
  return { agent: r.agent, painPointPath: `/${slug}/innspill/${id}` };
}

/** "Confirm with ID-porten": the app's answer (303 to the provider) and the authorization URL. */
async function start(agent: Agent, slug: string, fields: Record<string, string> = {}, query = ''): Promise<{ res: request.Response; url: URL }> {
  const res = await agent.post(`/${slug}/id-porten${query}`).type('form').send(fields);
  expect([res.status, res.text.slice(0, 200)]).toEqual([303, expect.any(String)]);
  return { res, url: new URL(res.headers.location as string) };
}

/** The browser at ID-porten, then back at the portal with ID-porten's answer. */
async function finish(agent: Agent, url: URL | string, tamper?: (answer: URL) => void): Promise<request.Response> {
  const answer = await op.visit(String(url));
  expect(answer.origin + answer.pathname).toBe(CALLBACK);
  tamper?.(answer);
  return agent.get(answer.pathname + answer.search);
}

async function verify(agent: Agent, slug: 'aust' | 'vest', pid: string, sub = `sub-${pid}`): Promise<request.Response> {
  const { url } = await start(agent, slug);
  op.signInAs({ sub, pid });
  return finish(agent, url);
}

const rows = () => t.db.prepare('SELECT participant_id, municipality_id, pseudonym, verified_at FROM resident_verifications ORDER BY participant_id, municipality_id').all() as { participant_id: number; municipality_id: number; pseudonym: string; verified_at: string }[];
const rowCount = () => (t.db.prepare('SELECT count(*) FROM resident_verifications').pluck().get() as number);
/** The participant behind a report (the browser that sent it). */
const reporterOf = (painPointPath: string) => t.db.prepare('SELECT participant_id FROM pain_points WHERE id = ?').pluck().get(Number(painPointPath.split('/').at(-1))) as number;
const lastAudit = () => t.db.prepare('SELECT action, municipality_id, entity_type, entity_id, details FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; municipality_id: number | null; entity_type: string | null; entity_id: number | null; details: string | null };

describe('verifying with ID-porten', () => {
  it('sends PKCE S256, state, nonce, acr_values and ui_locales, and stores the pseudonym for this participant and municipality', async () => {
    const { agent, painPointPath } = await participant('aust');
    const page = await agent.get(painPointPath);
    expect(page.text).toContain(nb.verification.offer.heading);
    expect(page.text).toContain('action="/aust/id-porten"');
    expect(page.headers['cache-control']).toBe('private, no-store');

    const { res, url } = await start(agent, 'aust', { returnTo: painPointPath });
    expect(res.headers['cache-control']).toBe('private, no-store');
    const pending = cookieHeader(res, 'rk.idp')!;
    expect(pending).toMatch(/HttpOnly/i);
    expect(pending).toMatch(/SameSite=Lax/i);
    expect(pending).toMatch(/Path=\/mine\/id-porten/);
    expect(pending).toMatch(/Max-Age=600\b/);
    // Sealed: none of what it guards is readable in it.
    for (const secret of [url.searchParams.get('state')!, url.searchParams.get('nonce')!]) expect(pending).not.toContain(secret);
    expect(url.origin + url.pathname).toBe(`${op.issuer}/auth`);

    op.signInAs({ sub: 'kari-sub', pid: PIDS.kari });
    const back = await finish(agent, url);
    // What ID-porten received.
    const sent = op.authorizationRequests.at(-1)!;
    expect(Object.fromEntries(sent)).toMatchObject({
      response_type: 'code',
      scope: 'openid',
      client_id: op.clientId,
      redirect_uri: CALLBACK,
      code_challenge_method: 'S256',
      acr_values: 'idporten-loa-substantial',
      ui_locales: 'nb',
    });
    expect(sent.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(sent.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    expect([back.status, back.headers.location]).toEqual([303, painPointPath]);
    expect(back.headers['cache-control']).toBe('private, no-store');
    expect(cookieHeader(back, 'rk.idp')).toMatch(/^rk\.idp=;/);
    const idToken = cookieHeader(back, 'rk.idt')!;
    expect(idToken).toMatch(/HttpOnly/i);
    expect(idToken).toMatch(/SameSite=Lax/i);
    expect(idToken).toMatch(/Path=\/mine;/);
    expect(idToken).toMatch(/Max-Age=7200\b/);

    const [row] = rows();
    expect(rows()).toHaveLength(1);
    expect(row).toEqual({ participant_id: reporterOf(painPointPath), municipality_id: municipalityId.aust, pseudonym: expectedPseudonym(municipalityId.aust, PIDS.kari), verified_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(lastAudit()).toEqual({ action: 'resident.verified', municipality_id: municipalityId.aust, entity_type: null, entity_id: null, details: null });

    // The resident sees it: on the report's page (with the notice) and on /mine.
    const after = await agent.get(painPointPath);
    expect(after.text).toContain(nb.flash.residentVerified);
    expect(after.text).toContain(nb.verification.status.verifiedHere.replace('{{name}}', 'Aust kommune'));
    expect(after.text).not.toContain('action="/aust/id-porten"');
    const mine = await agent.get('/mine');
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect(mine.text).toContain('href="/mine/id-porten/aust/fjern"');
    expect(mine.text).toContain(nb.verification.mine.logout);
  });

  it('is offered after a "me too" too, and to nobody who has not taken part', async () => {
    const { painPointPath } = await participant('aust');
    expect((await request(t.app).get(painPointPath)).text).not.toContain('id-porten');
    const voter = await resident(t.app, stepPath.aust);
    expect((await voter.agent.post(`${painPointPath}/meg-ogsa`).type('form').send({ severity: '3' })).status).toBe(303);
    const page = await voter.agent.get(painPointPath);
    expect(page.text).toContain(nb.verification.offer.heading);
    expect(page.text).toContain(nb.verification.offer.noNationalId);
    expect(page.text).toContain(`name="returnTo" value="${painPointPath}"`);
  });

  it('asks ID-porten in the interface language (nynorsk, English)', async () => {
    const agent = anonymousAgent(t.app);
    op.signInAs({ sub: 'eva-sub', pid: PIDS.eva });
    for (const lang of ['nn', 'en']) {
      await op.visit(String((await start(agent, 'aust', {}, `?lang=${lang}`)).url));
      expect(op.authorizationRequests.at(-1)!.get('ui_locales')).toBe(lang);
    }
  });

  it('makes a browser that has not taken part yet a participant, bound to the answer', async () => {
    const agent = anonymousAgent(t.app);
    const { res, url } = await start(agent, 'vest');
    expect(cookieHeader(res, 'rk.p')).toBeDefined();
    op.signInAs({ sub: 'eva-sub', pid: PIDS.eva });
    const before = rowCount();
    const back = await finish(agent, url);
    expect([back.status, back.headers.location]).toEqual([303, '/mine']);
    expect(rowCount()).toBe(before + 1);
    const participants = t.db.prepare('SELECT count(*) FROM participants p JOIN resident_verifications v ON v.participant_id = p.id WHERE v.pseudonym = ?').pluck().get(expectedPseudonym(municipalityId.vest, PIDS.eva));
    expect(participants).toBe(1);
  });

  it('counts one person from two browsers under one pseudonym (two rows), and replaces a browser’s earlier row', async () => {
    const first = await participant('aust');
    const second = await participant('aust');
    expect((await verify(first.agent, 'aust', PIDS.ola, 'ola-sub')).status).toBe(303);
    expect((await verify(second.agent, 'aust', PIDS.ola, 'ola-sub')).status).toBe(303);
    // The first browser again: its row is replaced, not added to.
    expect((await verify(first.agent, 'aust', PIDS.ola, 'ola-sub')).status).toBe(303);
    const ola = rows().filter((r) => r.pseudonym === expectedPseudonym(municipalityId.aust, PIDS.ola));
    expect(ola).toHaveLength(2);
    expect(new Set(ola.map((r) => r.participant_id)).size).toBe(2);
    const distinct = t.db.prepare('SELECT count(DISTINCT pseudonym) FROM resident_verifications WHERE municipality_id = ? AND pseudonym = ?').pluck().get(municipalityId.aust, ola[0]!.pseudonym);
    expect(distinct).toBe(1);
  });

  it('gives the same person another pseudonym in another municipality', async () => {
    const { agent } = await participant('aust');
    expect((await verify(agent, 'aust', PIDS.per)).status).toBe(303);
    expect((await verify(agent, 'vest', PIDS.per)).status).toBe(303);
    const per = rows().filter((r) => [expectedPseudonym(municipalityId.aust, PIDS.per), expectedPseudonym(municipalityId.vest, PIDS.per)].includes(r.pseudonym));
    expect(per.map((r) => r.municipality_id).sort()).toEqual([municipalityId.aust, municipalityId.vest].sort());
    expect(per[0]!.participant_id).toBe(per[1]!.participant_id);
    expect(per[0]!.pseudonym).not.toBe(per[1]!.pseudonym);
  });
});

describe('a verification that does not go through', () => {
  /** The answer is refused with this status and reason; nothing is stored; the page leads back; the audit says why. */
  async function expectRefused(send: () => PromiseLike<request.Response>, before: number, reason: string, status = 400, audited = true): Promise<void> {
    const audits = t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'resident.verification_failed'").pluck().get() as number;
    const res = await send();
    expect([res.status, reason]).toEqual([status, reason]);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.text).toContain(nb.verification.failed.title);
    expect(res.text).toContain(nb.verification.failed.nothingStored);
    expect(res.text).toContain('href="/mine"');
    expect(rowCount()).toBe(before);
    if (audited) expect(lastAudit()).toMatchObject({ action: 'resident.verification_failed', entity_type: null, entity_id: null, details: JSON.stringify({ reason }) });
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'resident.verification_failed'").pluck().get()).toBe(audits + (audited ? 1 : 0));
    for (const pid of Object.values(PIDS)) expect(res.text).not.toContain(pid);
  }

  it('refuses an answer with another state', async () => {
    const { agent } = await participant('aust');
    const before = rowCount();
    const { url } = await start(agent, 'aust');
    op.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
    await expectRefused(() => finish(agent, url, (answer) => answer.searchParams.set('state', 'x'.repeat(43))), before, 'state');
    expect(lastAudit().municipality_id).toBe(municipalityId.aust);
  });

  it('refuses an ID token with another nonce than the one this browser started with', async () => {
    const { agent } = await participant('aust');
    const before = rowCount();
    const { url } = await start(agent, 'aust');
    url.searchParams.set('nonce', 'n'.repeat(43));
    op.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
    await expectRefused(() => finish(agent, url), before, 'nonce');
  });

  it('refuses a code issued for another PKCE challenge (the verifier does not match)', async () => {
    const { agent } = await participant('aust');
    const before = rowCount();
    const { url } = await start(agent, 'aust');
    url.searchParams.set('code_challenge', crypto.createHash('sha256').update('another verifier, not ours, 0123456789').digest('base64url'));
    op.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
    await expectRefused(() => finish(agent, url), before, 'grant');
    expect(op.tokenErrors.at(-1)).toBe('invalid_grant');
  });

  it('refuses an answer from another issuer', async () => {
    const { agent } = await participant('aust');
    const before = rowCount();
    const { url } = await start(agent, 'aust');
    op.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
    await expectRefused(() => finish(agent, url, (answer) => answer.searchParams.set('iss', 'https://evil.example/idporten')), before, 'issuer');
  });

  it('refuses a replayed code, even with the cookies of the browser that used it', async () => {
    const agent = anonymousAgent(t.app);
    const { res, url } = await start(agent, 'aust');
    const cookies = [cookiePair(res, 'rk.p'), cookiePair(res, 'rk.idp')];
    op.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
    const answer = await op.visit(String(url));
    expect((await agent.get(answer.pathname + answer.search)).status).toBe(303);
    const before = rowCount();
    // The same answer again, with the sign-in cookie as it was before the answer cleared it.
    await expectRefused(() => request(t.app).get(answer.pathname + answer.search).set('Cookie', cookies), before, 'grant');
    // And in the same browser, whose sign-in cookie is gone: no sign-in under way (no attempt, so no audit line).
    await expectRefused(() => agent.get(answer.pathname + answer.search), before, 'state', 400, false);
  });

  it('refuses an answer in another browser, or with another browser’s sign-in cookie', async () => {
    const agent = anonymousAgent(t.app);
    const { res, url } = await start(agent, 'aust');
    op.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
    const answer = await op.visit(String(url));
    const other = await participant('aust');
    const before = rowCount();
    await expectRefused(() => other.agent.get(answer.pathname + answer.search), before, 'state', 400, false);
    const otherParticipant = cookiePair(await anonymousAgent(t.app).post('/aust/id-porten').type('form').send({}), 'rk.p');
    await expectRefused(() => request(t.app).get(answer.pathname + answer.search).set('Cookie', [otherParticipant, cookiePair(res, 'rk.idp')]), before, 'state');
  });

  it('refuses an ID token below idporten-loa-substantial', async () => {
    const { agent } = await participant('aust');
    const before = rowCount();
    const { url } = await start(agent, 'aust');
    // A browser that changed the request on its way: ID-porten then signs the person in on the lower level.
    url.searchParams.set('acr_values', 'idporten-loa-low');
    op.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
    await expectRefused(() => finish(agent, url), before, 'acr', 403);
  });

  it('says so when the resident stops at ID-porten', async () => {
    const { agent } = await participant('aust');
    const before = rowCount();
    const { url } = await start(agent, 'aust');
    op.signInAs(null);
    await expectRefused(() => finish(agent, url), before, 'denied', 403);
    expect((await agent.get('/mine')).text).not.toContain('href="/mine/id-porten/aust/fjern"');
  });

  it('refuses an expired code', async () => {
    const quick = await startOidcProvider({ kind: 'idporten', redirectUris: [CALLBACK], codeTtlSeconds: 1 });
    const app = makeTestApp({ idporten: { issuer: quick.issuer, clientId: quick.clientId, clientSecret: quick.clientSecret } });
    try {
      createMunicipality(app.services, 'nord', 'Nord kommune');
      const agent = anonymousAgent(app.app);
      const res = await agent.post('/nord/id-porten').type('form').send({});
      expect(res.status).toBe(303);
      quick.signInAs({ sub: 'lise-sub', pid: PIDS.lise });
      const answer = await quick.visit(res.headers.location as string);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const back = await agent.get(answer.pathname + answer.search);
      expect(back.status).toBe(400);
      expect(back.text).toContain(nb.verification.failed.expired);
      expect(app.db.prepare('SELECT count(*) FROM resident_verifications').pluck().get()).toBe(0);
      expect(app.db.prepare("SELECT details FROM audit_log WHERE action = 'resident.verification_failed'").pluck().get()).toBe(JSON.stringify({ reason: 'grant' }));
      expect(quick.tokenErrors).toContain('invalid_grant');
    } finally {
      app.close();
      await quick.close();
    }
  });

  it('gives a clear page when ID-porten cannot be reached', async () => {
    const app = makeTestApp({ idporten: { issuer: 'http://127.0.0.1:9/idporten', clientId: 'x', clientSecret: 'y' } });
    try {
      createMunicipality(app.services, 'nord', 'Nord kommune');
      const res = await anonymousAgent(app.app).post('/nord/id-porten').type('form').send({});
      expect(res.status).toBe(503);
      expect(res.text).toContain(nb.verification.failed.unavailable);
      expect(res.text).toContain('href="/nord"');
    } finally {
      app.close();
    }
  });

  it('refuses a start from another site (Fetch Metadata) and a form with fields it does not know', async () => {
    const agent = anonymousAgent(t.app);
    expect((await agent.post('/aust/id-porten').set('Sec-Fetch-Site', 'cross-site').type('form').send({})).status).toBe(403);
    expect((await agent.post('/aust/id-porten').type('form').send({ municipality_id: '2' })).status).toBe(400);
    expect((await agent.post('/finnes-ikke/id-porten').type('form').send({})).status).toBe(404);
  });
});

describe('logging out and removing the verification', () => {
  it('logs out at ID-porten with the ID token as hint and /mine to come back to', async () => {
    const { agent } = await participant('vest');
    const verified = await verify(agent, 'vest', PIDS.lise, 'lise-sub');
    expect(verified.status).toBe(303);
    const mine = await agent.get('/mine');
    expect(mine.text).toContain('action="/mine/id-porten/logg-ut"');
    const out = await agent.post('/mine/id-porten/logg-ut').type('form').send({});
    expect(out.status).toBe(303);
    expect(out.headers['cache-control']).toBe('private, no-store');
    expect(cookieHeader(out, 'rk.idt')).toMatch(/^rk\.idt=;/);
    const location = new URL(out.headers.location as string);
    expect(location.origin + location.pathname).toBe(`${op.issuer}/session/end`);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(MINE);
    const hint = location.searchParams.get('id_token_hint')!;
    expect(JSON.parse(Buffer.from(hint.split('.')[1]!, 'base64url').toString())).toMatchObject({ iss: op.issuer, aud: op.clientId, sub: 'lise-sub' });

    const requests = op.endSessionRequests.length;
    const ended = await fetch(location, { redirect: 'manual' });
    expect(ended.status).toBeLessThan(400);
    expect(op.endSessionRequests).toHaveLength(requests + 1);
    expect(op.endSessionRequests.at(-1)!.get('id_token_hint')).toBe(hint);
    expect(op.endSessionRequests.at(-1)!.get('post_logout_redirect_uri')).toBe(MINE);

    // Back on /mine: the notice, no logout button any more, and the verification still counts.
    const back = await agent.get('/mine');
    expect(back.text).toContain(nb.flash.idportenLoggedOut);
    expect(back.text).not.toContain('action="/mine/id-porten/logg-ut"');
    expect(back.text).toContain('href="/mine/id-porten/vest/fjern"');
    // Without a token left, logging out again just comes back.
    const again = await agent.post('/mine/id-porten/logg-ut').type('form').send({});
    expect([again.status, again.headers.location]).toEqual([303, '/mine']);
  });

  it('asks before removing, then deletes the row; only the verified browser can', async () => {
    const { agent } = await participant('vest');
    expect((await verify(agent, 'vest', PIDS.kari, 'kari-sub')).status).toBe(303);
    const before = rowCount();
    const stranger = await participant('vest');
    expect((await stranger.agent.get('/mine/id-porten/vest/fjern')).status).toBe(404);
    expect((await stranger.agent.post('/mine/id-porten/vest/fjern').type('form').send({})).status).toBe(303);
    expect(rowCount()).toBe(before);

    const ask = await agent.get('/mine/id-porten/vest/fjern');
    expect(ask.status).toBe(200);
    expect(ask.headers['cache-control']).toBe('private, no-store');
    expect(ask.text).toContain(nb.verification.remove.title);
    expect(ask.text).toContain('action="/mine/id-porten/vest/fjern"');
    expect((await agent.get('/mine/id-porten/finnes-ikke/fjern')).status).toBe(404);

    const removed = await agent.post('/mine/id-porten/vest/fjern').type('form').send({});
    expect([removed.status, removed.headers.location]).toEqual([303, '/mine']);
    expect(rowCount()).toBe(before - 1);
    expect(lastAudit()).toEqual({ action: 'resident.verification_removed', municipality_id: municipalityId.vest, entity_type: null, entity_id: null, details: null });
    const mine = await agent.get('/mine');
    expect(mine.text).toContain(nb.flash.verificationRemoved);
    expect(mine.text).not.toContain('href="/mine/id-porten/vest/fjern"');
    // The contributions stay, and the offer is back.
    expect(mine.text).toContain('action="/vest/id-porten"');
    expect((await agent.get('/mine/id-porten/vest/fjern')).status).toBe(404);
  });
});

describe('what is kept', () => {
  it('holds no pid anywhere in the database, nor in the log', () => {
    const tables = t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['resident_verifications', 'audit_log', 'participants']));
    const found: string[] = [];
    for (const table of tables) {
      for (const row of t.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
          for (const pid of Object.values(PIDS)) if (text.includes(pid)) found.push(`${table}.${column}`);
        }
      }
    }
    expect(found).toEqual([]);
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.filter((line) => Object.values(PIDS).some((pid) => line.includes(pid)))).toEqual([]);
  });

  it('names its cookies and what it stores in the privacy statement', async () => {
    for (const address of ['/personvern', '/aust/personvern']) {
      const text = (await request(t.app).get(address)).text;
      expect(text).toContain('<code>rk.idp</code>');
      expect(text).toContain('<code>rk.idt</code>');
      // Their lifetimes in words, from the constants the cookies are set with.
      expect(text).toContain('10 minutter');
      expect(text).toContain('2 timer');
      expect(text).toContain(nb.privacy.collected.verification.slice(0, 40));
      expect(text).toContain(nb.privacy.retention.verification.slice(0, 40));
    }
  });
});

describe('without IDPORTEN_* settings', () => {
  let plain: TestApp;
  beforeAll(() => {
    plain = makeTestApp();
    createMunicipality(plain.services, 'aust', 'Aust kommune', { premoderation: false });
    buildJourney(plain.services, 'aust', { slug: 'reise', phases: { A: ['Søke'] }, publish: true });
  });
  afterAll(() => plain.close());

  it('answers 404 on every route of it, and no page mentions ID-porten', async () => {
    const step = `/aust/reiser/reise/steg/${(plain.db.prepare('SELECT id FROM steps LIMIT 1').pluck().get() as number)}`;
    const r = await resident(plain.app, step);
    const id = await report(r, step);
    expect((await r.agent.post('/aust/id-porten').type('form').send({})).status).toBe(404);
    expect((await r.agent.get('/mine/id-porten?code=x&state=y')).status).toBe(404);
    expect((await r.agent.post('/mine/id-porten/logg-ut').type('form').send({})).status).toBe(404);
    expect((await r.agent.get('/mine/id-porten/aust/fjern')).status).toBe(404);
    expect((await r.agent.post('/mine/id-porten/aust/fjern').type('form').send({})).status).toBe(404);
    for (const address of ['/mine', `/aust/innspill/${id}`, step, '/aust', '/personvern', '/aust/personvern']) {
      const page = await r.agent.get(address);
      expect([address, page.status]).toEqual([address, 200]);
      expect([address, /id-?porten/i.test(page.text)]).toEqual([address, false]);
    }
  });
});

describe('configuration', () => {
  const idporten = { IDPORTEN_ISSUER: 'https://idporten.no', IDPORTEN_CLIENT_ID: 'reisekart', IDPORTEN_CLIENT_SECRET: 'hemmelig' };

  it('takes all three IDPORTEN_* or none, and an https issuer', () => {
    expect(loadConfig({}).idporten).toBeUndefined();
    expect(loadConfig(idporten).idporten).toEqual({ issuer: 'https://idporten.no', clientId: 'reisekart', clientSecret: 'hemmelig' });
    expect(() => loadConfig({ IDPORTEN_ISSUER: 'https://idporten.no', IDPORTEN_CLIENT_ID: 'reisekart' })).toThrow(
      new ConfigError('Invalid configuration: ID-porten verification needs all of IDPORTEN_ISSUER, IDPORTEN_CLIENT_ID, IDPORTEN_CLIENT_SECRET; missing IDPORTEN_CLIENT_SECRET'),
    );
    expect(() => loadConfig({ ...idporten, IDPORTEN_ISSUER: 'http://idporten.example' })).toThrow(/IDPORTEN_ISSUER=.*must be an https address/);
    expect(loadConfig({ ...idporten, IDPORTEN_ISSUER: 'http://127.0.0.1:8080/idporten' }).idporten?.issuer).toBe('http://127.0.0.1:8080/idporten');
  });

  it('refuses a short PSEUDONYM_SECRET without printing it', () => {
    let message = '';
    try {
      loadConfig({ ...idporten, PSEUDONYM_SECRET: 'kort-hemmelighet' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('Invalid configuration: PSEUDONYM_SECRET must be at least 32 characters');
    expect(loadConfig({ ...idporten, PSEUDONYM_SECRET: 'x'.repeat(32) }).pseudonymSecret).toBe('x'.repeat(32));
  });

  it('generates the pseudonym key once and keeps it in the data folder, unless PSEUDONYM_SECRET gives it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reisekart-pseudonym-'));
    try {
      const first = resolvePseudonymSecret(undefined, dir);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(path.join(dir, PSEUDONYM_SECRET_FILE)).mode & 0o777).toBe(0o600);
      expect(resolvePseudonymSecret(undefined, dir)).toBe(first);
      expect(resolvePseudonymSecret('given-'.repeat(8), dir)).toBe('given-'.repeat(8));
      expect(resolvePseudonymSecret(undefined, fs.mkdtempSync(path.join(dir, 'other-')))).not.toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

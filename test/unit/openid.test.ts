// The OpenID relying party against a real provider in the test process (oidc-provider playing ID-porten): the checks
// the portal's sign-in paths lean on, each failure sorted into its reason.
import { OpenIdError, OpenIdRelyingParty } from '../../src/lib/openid';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';

const REDIRECT = 'https://portal.test/cb';
let op: TestOidcProvider;
let rp: OpenIdRelyingParty;

beforeAll(async () => {
  op = await startOidcProvider({ kind: 'idporten', redirectUris: [REDIRECT], postLogoutRedirectUris: ['https://portal.test/out'] });
  rp = new OpenIdRelyingParty({ issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, redirectUri: REDIRECT, scope: 'openid' });
});
afterAll(() => op.close());

async function reason(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    if (err instanceof OpenIdError) return err.reason;
    throw err;
  }
  return 'succeeded';
}

test('a sign-in gives the ID token claims; the request carried PKCE S256, state, nonce and the extra parameters', async () => {
  const { url, pending } = await rp.start({ acr_values: 'idporten-loa-substantial', ui_locales: 'nn' });
  op.signInAs({ sub: 'sub-1', pid: '01010112345' });
  const { claims, idToken } = await rp.finish(await op.visit(url), pending);
  expect(claims).toMatchObject({ sub: 'sub-1', pid: '01010112345', acr: 'idporten-loa-substantial', iss: op.issuer });
  const sent = op.authorizationRequests.at(-1)!;
  expect(sent.get('code_challenge_method')).toBe('S256');
  expect(sent.get('state')).toBe(pending.state);
  expect(sent.get('nonce')).toBe(pending.nonce);
  expect(sent.get('ui_locales')).toBe('nn');
  expect(await rp.logoutUrl(idToken, 'https://portal.test/out')).toContain('/idporten/session/end?');
});

test('a wrong state, nonce or verifier, a replayed code and a refusal each fail with their reason', async () => {
  op.signInAs({ sub: 'sub-2', pid: '02020212345' });
  const first = await rp.start();
  const answer = await op.visit(first.url);
  expect(await reason(rp.finish(answer, { ...first.pending, state: 'another-state' }))).toBe('state');
  expect(await reason(rp.finish(answer, { ...first.pending, codeVerifier: 'x'.repeat(43) }))).toBe('grant');

  const second = await rp.start();
  const answer2 = await op.visit(second.url);
  expect(await reason(rp.finish(answer2, { ...second.pending, nonce: 'another-nonce' }))).toBe('nonce');

  const third = await rp.start();
  const answer3 = await op.visit(third.url);
  expect(await reason(rp.finish(answer3, third.pending))).toBe('succeeded');
  expect(await reason(rp.finish(answer3, third.pending))).toBe('grant');

  op.signInAs(null);
  const fourth = await rp.start();
  expect(await reason(rp.finish(await op.visit(fourth.url), fourth.pending))).toBe('denied');
});

test('an answer claiming another issuer, and a provider that cannot be reached, fail with their reason', async () => {
  op.signInAs({ sub: 'sub-3', pid: '03030312345' });
  const { url, pending } = await rp.start();
  const answer = await op.visit(url);
  answer.searchParams.set('iss', 'https://evil.example/idporten');
  expect(await reason(rp.finish(answer, pending))).toBe('issuer');
  const nowhere = new OpenIdRelyingParty({ issuer: 'http://127.0.0.1:9/idporten', clientId: 'x', clientSecret: 'y', redirectUri: REDIRECT, scope: 'openid' });
  expect(await reason(nowhere.start())).toBe('unavailable');
});

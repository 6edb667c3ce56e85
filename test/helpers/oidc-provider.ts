// A real OpenID provider for tests (the oidc-provider package), run by the test itself on a loopback port. It plays
// either a municipality's Entra ID (staff single sign-on: e-mail, name, preferred_username; an issuer ending in
// /{tenant}/v2.0) or ID-porten (residents' verification: `pid` and `acr` claims, acr_values idporten-loa-*).
//
// Nobody types a password here: the test says who signs in next (`signInAs`), and the provider's interaction is
// finished at once with that person and a grant for the scopes asked. The test can also make the provider
// misbehave: sign codes for another issuer, answer with another nonce, or let codes live only a moment.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export type ProviderKind = 'entra' | 'idporten';

export interface ProviderPerson {
  /** The subject: Entra's object id, or ID-porten's pairwise sub. */
  sub: string;
  email?: string;
  name?: string;
  /** ID-porten only: the national identity number. */
  pid?: string;
}

export interface TestOidcProvider {
  kind: ProviderKind;
  /** The issuer identifier, as discovery and the ID tokens state it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next interaction signs in; null makes the interaction end with access_denied. */
  signInAs(person: ProviderPerson | null): void;
  /** Authorization requests the provider received, newest last (their query parameters). */
  authorizationRequests: URLSearchParams[];
  /** Requests to the end-session endpoint (RP-initiated logout), their query parameters. */
  endSessionRequests: URLSearchParams[];
  /** Token requests answered with an error (a replayed or expired code, a wrong verifier). */
  tokenErrors: string[];
  /**
   * Plays the person's browser at the provider: follows the authorization URL through the interaction until the
   * provider sends the browser back to the portal, and returns that address (with `code` and `state`, or `error`).
   */
  visit(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export interface TestOidcOptions {
  kind: ProviderKind;
  /** Where the portal takes the provider's answer; more than one for tests with several apps. */
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** Seconds an authorization code lives (oidc-provider's default is 60). */
  codeTtlSeconds?: number;
}

const ENTRA_TENANT = '9f3c2a1e-5b7d-4c1a-8e2f-1d2c3b4a5e6f';

export async function startOidcProvider(options: TestOidcOptions): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const issuer = options.kind === 'entra' ? `${origin}/${ENTRA_TENANT}/v2.0` : `${origin}/idporten`;
  const clientId = options.kind === 'entra' ? 'reisekart-staff' : 'reisekart-idporten';
  const clientSecret = `${options.kind}-secret-for-tests-only-0123456789`;
  const people = new Map<string, ProviderPerson>();
  let next: ProviderPerson | null = null;
  const authorizationRequests: URLSearchParams[] = [];
  const endSessionRequests: URLSearchParams[] = [];
  const tokenErrors: string[] = [];

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Both providers require PKCE, as ID-porten does.
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // No confirmation page: a logout request ends the session and goes straight back.
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = `<!doctype html><html><body>${form}<script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    claims:
      options.kind === 'entra'
        ? { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username'] }
        : { openid: ['sub', 'pid'], profile: ['pid'] },
    acrValues: options.kind === 'idporten' ? ['idporten-loa-substantial', 'idporten-loa-high'] : [],
    // ID tokens carry the claims themselves (Entra and ID-porten both do), so no userinfo call is needed.
    conformIdTokenClaims: false,
    ttl: { AuthorizationCode: options.codeTtlSeconds ?? 60, Session: 3600, Interaction: 600, Grant: 3600, IdToken: 3600, AccessToken: 3600 },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    async findAccount(_ctx, sub) {
      const person = people.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        async claims() {
          return options.kind === 'entra'
            ? { sub, email: person.email, name: person.name, preferred_username: person.email }
            : { sub, pid: person.pid };
        },
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `${out.error}: ${out.error_description ?? ''}`;
    },
  };
  // Its development-only warnings (in-memory adapter, generated keys) are what a test provider wants: not printed.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => (String(args[0]).startsWith('oidc-provider WARNING') ? undefined : warn(...args));
  const provider = new Provider(issuer, configuration);
  console.warn = warn;
  // The provider sits behind no proxy; plain http on loopback only.
  provider.on('grant.error', (_ctx: unknown, err: { error?: string }) => tokenErrors.push(err.error ?? 'error'));
  const callback = provider.callback();
  const issuerPath = new URL(issuer).pathname;

  server.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === `${issuerPath}/auth`) authorizationRequests.push(url.searchParams);
      if (url.pathname.startsWith(`${issuerPath}/session/end`) && req.method === 'GET') endSessionRequests.push(url.searchParams);
      const interaction = /\/interaction\/([^/]+)$/.exec(url.pathname);
      if (interaction) {
        const details = await provider.interactionDetails(req, res);
        if (!next) {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the person stopped' });
          return;
        }
        people.set(next.sub, next);
        const grant = new provider.Grant({ accountId: next.sub, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        const acr = options.kind === 'idporten' ? String(details.params.acr_values ?? 'idporten-loa-substantial').split(' ')[0] : undefined;
        await provider.interactionFinished(req, res, { login: { accountId: next.sub, acr, amr: acr ? ['MinID-OTC'] : undefined }, consent: { grantId } }, { mergeWithLastSubmission: false });
        return;
      }
      if (!url.pathname.startsWith(issuerPath)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      // oidc-provider serves under its issuer path, as when mounted: it reads the mount path from originalUrl.
      (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(issuerPath.length) || '/';
      callback(req, res);
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  return {
    kind: options.kind,
    issuer,
    clientId,
    clientSecret,
    signInAs(person) {
      next = person;
    },
    authorizationRequests,
    endSessionRequests,
    tokenErrors,
    visit: (authorizationUrl) => visitProvider(origin, authorizationUrl),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's walk through the provider's redirects, keeping the provider's cookies, until it leaves the provider. */
async function visitProvider(origin: string, start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hops = 0; hops < 10; hops += 1) {
    if (url.origin !== origin) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} without sending the browser on: ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('the provider sent the browser round in circles');
}

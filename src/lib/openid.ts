// One OpenID Connect relying party (authorization code with PKCE S256, state and nonce), over the openid-client
// package: staff single sign-on and residents' ID-porten each make one. Free of req/res: the caller keeps the pending
// sign-in (state, nonce, verifier) where the browser's answer will find it, and hands back the address the provider
// sent the browser to.
import * as client from 'openid-client';

export interface OpenIdSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's callback address, registered at the provider. */
  redirectUri: string;
  scope: string;
}

/** What the browser's answer is checked against; kept by the caller between start and finish, never sent to the browser. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Why a sign-in failed, in words a log and the audit can carry (never a token or a claim's value). */
export type OpenIdFailure =
  | 'denied' // the person or the provider stopped it (error=access_denied and friends)
  | 'state' // the answer's state is not the one this browser started with
  | 'nonce' // the ID token's nonce is not ours
  | 'issuer' // the answer or its ID token comes from another issuer
  | 'grant' // the code was refused: expired, used before, or the PKCE verifier does not match
  | 'unavailable' // the provider could not be reached or described itself wrongly
  | 'invalid'; // anything else the library refused

/**
 * The library's own error is not kept as the cause: its causes can hold the ID token's claims (a resident's `pid`),
 * and an error may end up in a log.
 */
export class OpenIdError extends Error {
  constructor(readonly reason: OpenIdFailure) {
    super(`OpenID sign-in failed: ${reason}`);
  }
}

/** Plain http is allowed for a provider on this machine only (the tests' provider, a developer's); never elsewhere. */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export class OpenIdRelyingParty {
  private configuration: Promise<client.Configuration> | null = null;
  /** The provider's origins a form's answer may redirect the browser to: the issuer's, then the discovered endpoints'. */
  private readonly origins: Set<string>;

  constructor(private readonly settings: OpenIdSettings) {
    this.origins = new Set([new URL(settings.issuer).origin]);
  }

  /**
   * Where the sign-in's and logout's form answers send the browser: the page's CSP must name them in form-action, which
   * browsers hold a form's redirects to. ID-porten's sign-in runs on another host (login.idporten.no) than its issuer
   * (idporten.no), so the endpoints' origins come from discovery.
   */
  formTargets(): string[] {
    return [...this.origins];
  }

  /** Discovery at start-up, so the first sign-in's page already names the provider's endpoints; a failure waits for use. */
  warmUp(): void {
    this.config().catch(() => undefined);
  }

  /** Discovery once, on first use; a failed discovery is tried again on the next sign-in, not cached. */
  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      this.configuration = client
        .discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined)
        .then((config) => {
          const { authorization_endpoint, end_session_endpoint } = config.serverMetadata();
          for (const endpoint of [authorization_endpoint, end_session_endpoint]) if (endpoint) this.origins.add(new URL(endpoint).origin);
          return config;
        })
        .catch((err: unknown) => {
          this.configuration = null;
          throw new OpenIdError(isIssuerMismatch(err) ? 'issuer' : 'unavailable');
        });
    }
    return this.configuration;
  }

  /** The address to send the browser to, and what its answer must match. */
  async start(parameters: Record<string, string> = {}): Promise<{ url: string; pending: PendingSignIn }> {
    const config = await this.config();
    const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      ...parameters,
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /**
   * Checks the provider's answer (state, issuer, code with the verifier, ID token's signature, audience, nonce) and
   * returns the ID token's claims and the token itself (for logout's id_token_hint).
   */
  async finish(answer: URL, pending: PendingSignIn): Promise<{ claims: client.IDToken; idToken: string }> {
    const config = await this.config();
    try {
      const tokens = await client.authorizationCodeGrant(config, answer, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new OpenIdError('invalid');
      return { claims, idToken: tokens.id_token };
    } catch (err) {
      if (err instanceof OpenIdError) throw err;
      throw new OpenIdError(failureOf(err));
    }
  }

  /** RP-initiated logout at the provider, when it offers one; null when it does not. */
  async logoutUrl(idTokenHint: string, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idTokenHint, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  }
}

function isIssuerMismatch(err: unknown): boolean {
  return /issuer/i.test(describe(err));
}

/** The error and its causes, as one line: the library puts the detail (which parameter, which claim) in the causes. */
function describe(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; depth += 1) {
    // The innermost cause can be an object holding the ID token's claims (a pid among them): never read or kept.
    if (!(e instanceof Error)) break;
    const { code, claim, parameter } = e as Error & { code?: string; claim?: string; parameter?: string };
    parts.push([code, e.message, claim && `claim=${claim}`, parameter && `parameter=${parameter}`].filter(Boolean).join(' '));
    e = (e as Error & { cause?: unknown }).cause;
  }
  return parts.join(' <- ');
}

/** Sorts the library's refusals into the reasons above (by its error codes and the parameter it names). */
function failureOf(err: unknown): OpenIdFailure {
  if (err instanceof client.AuthorizationResponseError) return 'denied';
  if (err instanceof client.ResponseBodyError) return err.error === 'invalid_grant' ? 'grant' : 'invalid';
  const text = describe(err);
  if (/"state"|\bstate\b/.test(text)) return 'state';
  if (/nonce/.test(text)) return 'nonce';
  if (/"iss"|issuer|\biss\b/.test(text)) return 'issuer';
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|timeout/i.test(text)) return 'unavailable';
  return 'invalid';
}

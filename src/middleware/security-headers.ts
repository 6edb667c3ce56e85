// helmet's headers (SECURITY.md 7-8). No page holds inline script or style, so the CSP needs no per-response nonce and
// an anonymous page is the same bytes for every visitor (#17); what caches may keep is middleware/cache-headers.ts.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * `formTargets`: origins a form's answer may redirect to besides the portal's own. A form whose POST is answered with a
 * redirect to another site (single sign-on's start and an SSO session's logout, to the OpenID provider) is held to
 * form-action along the redirect, so the provider's origin must be named.
 */
export function securityHeaders(formTargets: () => readonly string[] = () => []): RequestHandler {
  // helmet builds a static policy's header once, but one with a function in it again for every response. The targets
  // change only when a provider's discovery answers, so the policy is built again only then.
  let built = '';
  let headers = helmetFor([]);
  return (req, res, next) => {
    const targets = formTargets();
    const key = targets.join(' ');
    if (key !== built) {
      built = key;
      headers = helmetFor(targets);
    }
    headers(req, res, next);
  };
}

function helmetFor(formTargets: readonly string[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Designsystemet draws some icons as data: SVGs.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...formTargets],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  });
}

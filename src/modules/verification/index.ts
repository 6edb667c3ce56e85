// Residents' ID-porten verification (#21.3), made by the app from its settings: the relying party, the sealed cookies
// and the pseudonym key, over the services the composition root built. Without settings the controller answers 404.
import { OpenIdRelyingParty } from '../../lib/openid';
import { paths } from '../../paths';
import { VerificationCookies } from './verification-cookies';
import { verificationController, type VerificationController, type VerificationControllerDeps } from './verification.controller';

/** IDPORTEN_* and the pseudonym key (PSEUDONYM_SECRET, or the one kept in the data folder). */
export interface ResidentVerificationSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  pseudonymSecret: string;
}

export interface ResidentVerificationDeps extends Omit<VerificationControllerDeps, 'flow'> {
  settings: ResidentVerificationSettings | null;
  baseUrl: string;
  /** The cookies are sealed with a key derived from it. */
  sessionSecret: string;
}

export function residentVerification({ settings, baseUrl, sessionSecret, ...deps }: ResidentVerificationDeps): VerificationController {
  const flow = settings && {
    relyingParty: new OpenIdRelyingParty({
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      redirectUri: `${baseUrl}${paths.verification.callback()}`,
      // ID-porten gives the pid in the ID token with scope openid alone; nothing else is asked for.
      scope: 'openid',
    }),
    cookies: new VerificationCookies(sessionSecret),
    pseudonymKey: settings.pseudonymSecret,
    baseUrl,
  };
  flow?.relyingParty.warmUp();
  return verificationController({ ...deps, flow });
}

export type { VerificationController } from './verification.controller';

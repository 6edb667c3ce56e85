// What the middleware attaches to a request once it has resolved the user and the municipality in scope.
import type { CurrentUser } from '../modules/sign-in/auth.service';
import type { MunicipalityRow } from '../modules/municipalities/municipality';
import type { Role } from '../modules/staff/roles';
import type { Logger } from '../lib/logger';

declare global {
  namespace Express {
    interface Request {
      user?: CurrentUser;
      municipality?: MunicipalityRow;
      roles?: Role[];
      /** Keyed hash of the resident's participant cookie, when they have one. */
      participantKey?: string | null;
      /** Gives the resident a participant cookie when they have none; returns its keyed hash. */
      ensureParticipantKey?: () => string;
      /** A new participant key for this browser (a sign-in link's join, #20.4): its hash, and `give` to set its cookie. */
      newParticipantKey?: () => { keyHash: string; give: () => void };
      /** Opens a session for a request that came without a session cookie (only signing in does). */
      openSession?: () => Promise<void>;
      /** The app's logger (middleware/request-log.ts). */
      log?: Logger;
    }
  }
}

export {};

// Flash notices (#16): after a form succeeds, the redirect carries one notice from this fixed vocabulary in a short-
// lived cookie, and the next page shows it once (views/partials/page-start.ejs) and clears it. No session is needed,
// so residents get theirs too, and no notice sits in an address to be shared or bookmarked.
import type { RequestHandler, Response } from 'express';

export const FLASHES = [
  // The journey editor.
  'saved', 'phaseAdded', 'stepAdded', 'moved', 'removed', 'published', 'archived', 'restored', 'imported', 'copied', 'stepsMerged',
  'createdFromTemplate', 'stepDuplicated',
  'handoverStated', 'handoverRemoved',
  'translationsSaved',
  // Review of drafts across departments.
  'commentAdded', 'commentResolved',
  // Moderation.
  'approved', 'rejected', 'redacted', 'merged', 'unmerged', 'answered', 'flagsCleared',
  // The same decisions, shown on the next pending item the moderator is taken to (#18).
  'approvedNext', 'rejectedNext', 'mergedNext',
  // Several at once from the queue.
  'approvedMany', 'rejectedMany',
  // The municipality's saved answers.
  'savedAnswerAdded', 'savedAnswerChanged', 'savedAnswerRemoved',
  // Staff, municipalities and their settings.
  'settingsSaved', 'municipalityCreated', 'staffInvited', 'rolesSaved', 'staffRemoved', 'staffDisabled', 'staffEnabled',
  'invitationWithdrawn', 'invitationAccepted', 'invitationDeclined', 'passwordChanged',
  // Invitations by e-mail and the second factor (#21.2).
  'invitationResent', 'twoFactorRemoved',
  // A password session ended because the municipality now requires single sign-on (#21.1).
  'ssoRequired',
  // Residents.
  'reportPending', 'reportPublished', 'experiencePending', 'experiencePublished', 'experiencesDecided', 'reportFlagged', 'contributionDeleted',
  // Residents' ID-porten verification (#21.3).
  'residentVerified', 'verificationRemoved', 'idportenLoggedOut',
  // Following by e-mail: an address's own page of its follows.
  'followModeSaved', 'followRemoved',
] as const;
export type Flash = (typeof FLASHES)[number];

export const FLASH_COOKIE = 'rk.flash';
/** Long enough for the redirect, short enough that a notice never turns up on a later visit. The privacy statement names it. */
export const FLASH_MAX_AGE_MS = 60_000;

export function isFlash(value: unknown): value is Flash {
  return typeof value === 'string' && (FLASHES as readonly string[]).includes(value);
}

/** Sets the notice the next page shows. */
export function setFlash(res: Response, flash: Flash): void {
  res.cookie(FLASH_COOKIE, flash, { httpOnly: true, sameSite: 'lax', secure: res.req.secure, maxAge: FLASH_MAX_AGE_MS, path: '/' });
}

/** Takes the notice a redirect left (res.locals.flash for the views), and clears it so that it shows once. */
export function takeFlash(): RequestHandler {
  return (req, res, next) => {
    const value: unknown = req.cookies?.[FLASH_COOKIE];
    res.locals.flash = null;
    if (value !== undefined) {
      if (req.method === 'GET' && isFlash(value)) res.locals.flash = value;
      if (req.method === 'GET' || !isFlash(value)) res.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    next();
  };
}

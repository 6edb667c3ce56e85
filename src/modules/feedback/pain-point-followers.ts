// What feedback tells the residents who follow a report by e-mail, named here and filled by the notices module (wired
// in src/services.ts), so that feedback never imports it. Each call runs inside the transaction of the change it
// reports, so a notice is queued exactly when the change is committed (#20.6).
import type { ResponseStatus } from './feedback-vocabulary';

export interface PainPointFollowers {
  /** The report's public answer changed: by a moderator in person, or carried over from its initiatives. */
  answered(painPointId: number, change: { status: ResponseStatus; text: string; byModerator: boolean }): void;
  /** The report was merged into another, where its followers follow it from now on. */
  merged(painPointId: number, targetId: number): void;
  /** The report was rejected: only its reporter hears why, and only when they follow it. */
  rejected(painPointId: number, reason: string): void;
  /** The resident erased their contribution to a report (their report or their "me too"): their follows of it go. */
  erased(participantId: number, painPointId: number): void;
}

/** For composition roots that build feedback without the notices (nothing to tell anyone). */
export const NO_FOLLOWERS: PainPointFollowers = {
  answered: () => undefined,
  merged: () => undefined,
  rejected: () => undefined,
  erased: () => undefined,
};

// What the feedback service tells about accepted contributions, for whoever counts them (the metrics module's
// ResidentActivity); a port, so feedback depends on no counter library and on no other module.
export interface FeedbackActivity {
  /** A "me too" vote was stored (not a repeated one, not a refused one). */
  voteAccepted(): void;
  /** A report was stored, pending moderation or published. */
  reportAccepted(): void;
}

export const NO_ACTIVITY: FeedbackActivity = { voteAccepted: () => undefined, reportAccepted: () => undefined };

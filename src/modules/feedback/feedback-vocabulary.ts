// Fixed vocabularies of resident feedback.
export const SEVERITIES = [1, 2, 3, 4, 5] as const;
export const MODERATION_STATUSES = ['pending', 'published', 'rejected', 'merged'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export const RESPONSE_STATUSES = ['received', 'under_review', 'planned', 'in_progress', 'solved', 'declined'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
/** No more "me too" once the municipality has closed the matter. */
export const CLOSED_STATUSES: readonly ResponseStatus[] = ['solved', 'declined'];
export const FLAG_REASONS = ['offensive', 'personal_data', 'spam', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const STEP_SORTS = ['important', 'newest', 'supported'] as const;
export type StepSort = (typeof STEP_SORTS)[number];

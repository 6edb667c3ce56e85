// Staff roles per municipality. An admin may do everything in their municipality.
export const ROLES = ['admin', 'designer', 'moderator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

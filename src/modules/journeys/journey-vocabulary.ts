// The fixed vocabularies of journey maps: life events, channels and emotions. Department kinds are the departments
// module's; they are named here too because a journey document and snapshot carry them.
export const LIFE_EVENTS = [
  'bygge-og-bo',
  'dodsfall-og-arv',
  'alvorlig-sykt-barn',
  'fa-barn',
  'flytte',
  'starte-bedrift',
  'eldre-og-omsorg',
  // Digdir's prioritised life events that the templates (#19.5) bring and the first list lacked.
  'miste-og-finne-jobb',
  'ny-i-norge',
  'frivillig-organisasjon',
  'annet',
] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

export const CHANNELS = ['digital', 'phone', 'in_person', 'letter', 'email', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What one department hands over to another between two steps (#19.2). */
export const HANDOVER_KINDS = ['case', 'documents', 'information'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

export const EMOTIONS = [-2, -1, 0, 1, 2] as const;

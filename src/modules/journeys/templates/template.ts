// The shape of a journey template: one skeleton of phases and steps, with every text in all three languages side by
// side, so the bokmål, nynorsk and English versions cannot drift apart in structure (same phases, same steps, same
// channels and departments). template-document.ts turns one language of it into an ordinary journey document.
import type { Locale } from '../../../lib/i18n';
import type { DepartmentKind } from '../../departments/department-vocabulary';
import type { Channel, LifeEvent } from '../journey-vocabulary';

/** One text in bokmål, nynorsk and English. */
export type Text = Record<Locale, string>;

/** A text in bokmål, nynorsk and English, always in that order. */
export const text = (nb: string, nn: string, en: string): Text => ({ nb, nn, en });

/** The same words in every language: addresses such as nav.no, and the proper names of state agencies. */
export const same = (words: string): Text => ({ nb: words, nn: words, en: words });

export interface TemplateDepartment {
  name: Text;
  kind: DepartmentKind;
}

export interface TemplateStep {
  title: Text;
  /** What the resident does, in their voice. */
  residentAction: Text;
  touchpoint: Text;
  channel: Channel;
  /** Who is responsible; null only where the resident acts alone (as in the exchange format). */
  department: TemplateDepartment | null;
}

export interface TemplatePhase {
  title: Text;
  description: Text;
  steps: TemplateStep[];
}

export interface JourneyTemplate {
  /** The life event as Digdir names it ("Å få barn"): what the designer picks on the new-journey page. */
  name: Text;
  lifeEvent: LifeEvent;
  slug: Text;
  title: Text;
  /** One line: shown beside the template on the new-journey page, and the new journey's summary. */
  summary: Text;
  trigger: Text;
  outcome: Text;
  phases: TemplatePhase[];
}

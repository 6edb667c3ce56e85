// The journey templates (#19): Digdir's prioritised life events as skeleton phases and steps, to start a new journey
// from. A template in one language is an ordinary journey document, checked by the exchange format's own schema, and
// becomes a draft the same way an import or a copy does, so there is one way content turns into a draft.
import { ValidationError } from '../../../errors';
import type { Locale } from '../../../lib/i18n';
import {
  JOURNEY_FORMAT,
  JOURNEY_FORMAT_VERSION,
  JourneyDocumentSchema,
  type JourneyDocument,
  type JourneyDocumentInput,
} from '../journey-document.schema';
import { deathAndInheritance } from './death-and-inheritance';
import { havingAChild } from './having-a-child';
import { losingAndFindingAJob } from './losing-and-finding-a-job';
import { newInNorway } from './new-in-norway';
import { seriouslyIllChild } from './seriously-ill-child';
import { startingAndRunningABusiness } from './starting-and-running-a-business';
import type { JourneyTemplate } from './template';
import { voluntaryOrganisation } from './voluntary-organisation';

/** In the order Digdir lists the life events; the keys are what the form sends and the audit log records. */
export const TEMPLATE_KEYS = [
  'having-a-child',
  'seriously-ill-child',
  'losing-and-finding-a-job',
  'new-in-norway',
  'starting-and-running-a-business',
  'death-and-inheritance',
  'voluntary-organisation',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const TEMPLATES: Record<TemplateKey, JourneyTemplate> = {
  'having-a-child': havingAChild,
  'seriously-ill-child': seriouslyIllChild,
  'losing-and-finding-a-job': losingAndFindingAJob,
  'new-in-norway': newInNorway,
  'starting-and-running-a-business': startingAndRunningABusiness,
  'death-and-inheritance': deathAndInheritance,
  'voluntary-organisation': voluntaryOrganisation,
};

export function isTemplateKey(value: unknown): value is TemplateKey {
  return typeof value === 'string' && (TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** What the new-journey page lists for each template, in the interface language. */
export interface TemplateSummary {
  key: TemplateKey;
  name: string;
  summary: string;
  phaseCount: number;
  stepCount: number;
}

export function templateSummaries(language: Locale): TemplateSummary[] {
  return TEMPLATE_KEYS.map((key) => {
    const template = TEMPLATES[key];
    return {
      key,
      name: template.name[language],
      summary: template.summary[language],
      phaseCount: template.phases.length,
      stepCount: template.phases.reduce((n, phase) => n + phase.steps.length, 0),
    };
  });
}

/**
 * One template in one language as a journey document. What differs between municipalities is left empty: persona,
 * scenario, backstage, systems and duration, and every step's emotion is neutral until the designer's own research
 * says otherwise. Parsed by the exchange schema, so a template can never make a draft an import would refuse.
 */
export function templateDocument(key: string, language: Locale): JourneyDocument {
  if (!isTemplateKey(key)) throw new ValidationError({ template: 'validation.templateUnknown' });
  const template = TEMPLATES[key];
  const doc: JourneyDocumentInput = {
    format: JOURNEY_FORMAT,
    formatVersion: JOURNEY_FORMAT_VERSION,
    journey: {
      title: template.title[language],
      slug: template.slug[language],
      lifeEvent: template.lifeEvent,
      persona: '',
      scenario: '',
      trigger: template.trigger[language],
      outcome: template.outcome[language],
      summary: template.summary[language],
      // The draft is written in the language chosen for its text (#19.9).
      language,
    },
    phases: template.phases.map((phase) => ({
      title: phase.title[language],
      description: phase.description[language],
      steps: phase.steps.map((step) => ({
        title: step.title[language],
        residentAction: step.residentAction[language],
        touchpoint: step.touchpoint[language],
        channel: step.channel,
        department: step.department ? { name: step.department.name[language], kind: step.department.kind } : null,
        backstage: '',
        systems: '',
        emotion: 0,
        duration: '',
      })),
    })),
  };
  return JourneyDocumentSchema.parse(doc);
}

// Builds journeys through the editor service, so tests start from real data in few lines.
import type { Services } from '../../src/services';

export interface JourneySpec {
  slug: string;
  title?: string;
  lifeEvent?: 'bygge-og-bo' | 'dodsfall-og-arv' | 'annet';
  /** Phase title -> step titles; every step goes to `department` when given. */
  phases: Record<string, string[]>;
  department?: { name: string; kind: 'municipal' | 'state' | 'private' };
  publish?: boolean;
}

export function buildJourney(services: Services, municipalitySlug: string, spec: JourneySpec) {
  const m = services.municipalities.bySlug(municipalitySlug);
  const editor = services.journeyEditor;
  const departmentId = spec.department ? services.departments.findOrCreate(m.id, spec.department.name, spec.department.kind) : null;
  const journeyId = editor.create(null, m.id, {
    slug: spec.slug,
    title: spec.title ?? `Reise ${spec.slug}`,
    lifeEvent: spec.lifeEvent ?? 'annet',
    persona: '',
    scenario: '',
    trigger: '',
    outcome: '',
    summary: `Sammendrag for ${spec.slug}`,
  });
  const phaseIds: number[] = [];
  const stepIds: number[] = [];
  for (const [phaseTitle, steps] of Object.entries(spec.phases)) {
    const phaseId = editor.addPhase(null, m.id, journeyId, { title: phaseTitle, description: '' });
    phaseIds.push(phaseId);
    for (const title of steps) {
      stepIds.push(
        editor.addStep(null, m.id, journeyId, phaseId, {
          title,
          residentAction: `Gjør ${title}`,
          touchpoint: 'Nettsiden',
          channel: 'digital',
          departmentId,
          backstage: '',
          systems: '',
          emotion: 0,
          duration: '',
        }),
      );
    }
  }
  if (spec.publish) editor.publish(null, m.id, journeyId);
  return { journeyId, phaseIds, stepIds, municipalityId: m.id };
}

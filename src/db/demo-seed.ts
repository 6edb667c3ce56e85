// Demo content for a fresh installation, so `npm start` shows something real: "Demo kommune", its
// departments, three published journeys and residents' feedback on them. Runs only on a database without municipalities.
import { JourneyDocumentSchema } from '../modules/journeys/journey-document.schema';
import { buildServices } from '../services';
import type { Db } from './connection';
import { seedDemoFeedback } from './demo-feedback-seed';
import { DEMO_JOURNEYS } from './demo-journeys';

export const DEMO_SLUG = 'demo';

const DEMO_DEPARTMENTS: { name: string; kind: 'municipal' | 'state' | 'private' }[] = [
  { name: 'Servicetorget', kind: 'municipal' },
  { name: 'Byggesak', kind: 'municipal' },
  { name: 'Plan og geodata', kind: 'municipal' },
  { name: 'Helse og omsorg', kind: 'municipal' },
  { name: 'Barn og familie', kind: 'municipal' },
  { name: 'Gravplassforvaltningen', kind: 'municipal' },
  { name: 'NAV', kind: 'state' },
  { name: 'Skatteetaten', kind: 'state' },
  { name: 'Tingretten', kind: 'state' },
  { name: 'Begravelsesbyrå', kind: 'private' },
];

/** A small portfolio answering the top candidates, so the board and "what we are doing" have content. */
function seedDemoInitiatives(services: ReturnType<typeof buildServices>, municipalityId: number): void {
  // Each initiative answers the most pressing candidates of the journey it is about.
  const topOf = (slug: string, count: number) =>
    services.ranking.ranked(municipalityId, { journeyId: services.publicJourneys.map(municipalityId, slug).journeyId, limit: count }).map((c) => c.id);
  const department = (name: string) => services.departments.findOrCreate(municipalityId, name, name === 'NAV' ? 'state' : 'municipal');
  const plans = [
    { title: 'Én kontaktperson gjennom hele saken', owner: 'Helse og omsorg', others: ['NAV', 'Barn og familie'], effort: 'L', confidence: 'medium', status: 'in_progress', progress: 40, note: 'Familier med alvorlig syke barn får én fast kontakt som samordner kommunen og NAV.', journey: 'alvorlig-sykt-barn', count: 2 },
    { title: 'Reguleringsplanen forklart i klarspråk', owner: 'Plan og geodata', others: ['Byggesak', 'Servicetorget'], effort: 'S', confidence: 'high', status: 'done', progress: 100, note: 'Byggesakssidene forklarer nå hva reguleringsplanen betyr for garasjer og boder, med en veiviser for søknadsplikt.', journey: 'bygge-garasje', count: 1 },
    { title: 'Samlet informasjon etter dødsfall', owner: 'Servicetorget', others: ['Gravplassforvaltningen'], effort: 'M', confidence: 'medium', status: 'planned', progress: 0, note: 'Én side og ett brev med alt de etterlatte må gjøre, og frister.', journey: 'dodsfall', count: 2 },
  ] as const;
  for (const plan of plans) {
    services.portfolio.create(
      null,
      municipalityId,
      {
        title: plan.title,
        description: '',
        ownerDepartmentId: department(plan.owner),
        departmentIds: plan.others.map(department),
        effort: plan.effort,
        confidence: plan.confidence,
        status: plan.status,
        progress: plan.progress,
        publicNote: plan.note,
      },
      topOf(plan.journey, plan.count),
    );
  }
}

/** Seeds the demo municipality when there are no municipalities; returns whether it did. */
export function seedDemo(db: Db, now: Date = new Date()): boolean {
  const services = buildServices(db, () => now);
  const seed = db.transaction(() => {
    if (services.municipalities.list().length > 0) return false;
    const municipalityId = services.municipalities.create(null, {
      slug: DEMO_SLUG,
      name: 'Demo kommune',
      kommunenummer: '9999',
      defaultLocale: 'nb',
    });
    for (const d of DEMO_DEPARTMENTS) services.departments.findOrCreate(municipalityId, d.name, d.kind);
    for (const input of DEMO_JOURNEYS) {
      const journeyId = services.journeyEditor.importDocument(null, municipalityId, JourneyDocumentSchema.parse(input));
      services.journeyEditor.publish(null, municipalityId, journeyId);
    }
    seedDemoFeedback(db, municipalityId, now);
    services.ranking.rebuild(municipalityId);
    seedDemoInitiatives(services, municipalityId);
    return true;
  });
  return seed.immediate();
}

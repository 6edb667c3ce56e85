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
    return true;
  });
  return seed.immediate();
}

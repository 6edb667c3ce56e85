// Demo content for a fresh installation, so `npm start` shows something real: "Demo kommune" and its departments.
// Runs only on an empty database; later features extend it.
import type { Db } from './connection';

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
  const seed = db.transaction(() => {
    if ((db.prepare('SELECT count(*) FROM municipalities').pluck().get() as number) > 0) return false;
    const at = now.toISOString();
    const municipalityId = db
      .prepare(
        `INSERT INTO municipalities (slug, name, kommunenummer, default_locale, created_at)
         VALUES (?, 'Demo kommune', '9999', 'nb', ?)`,
      )
      .run(DEMO_SLUG, at).lastInsertRowid;
    const insert = db.prepare('INSERT INTO departments (municipality_id, name, kind, created_at) VALUES (?, ?, ?, ?)');
    for (const d of DEMO_DEPARTMENTS) insert.run(municipalityId, d.name, d.kind, at);
    return true;
  });
  return seed.immediate();
}

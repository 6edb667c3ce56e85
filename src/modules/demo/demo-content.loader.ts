// Reads the demo content from demo/ at the project root and validates it: each file against its schema, then what
// the files say about each other (a pain point's step exists, a merge target is in the same journey, and so on).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { JourneyDocumentSchema, type JourneyDocument } from '../journeys/journey-document.schema';
import {
  DemoFeedbackSchema,
  DemoInitiativesSchema,
  DemoMunicipalitySchema,
  PENDING_WITHIN_DAYS,
  type DemoInitiative,
  type DemoMunicipality,
  type DemoPainPoint,
} from './demo-content.schema';

/**
 * The folder is found from this file, not from the working directory: src/modules/demo (tsx, jest) and
 * dist/modules/demo (the build, which mirrors src) are both three levels below the project root, so the data files
 * ship as they are and the build copies nothing.
 */
export const DEMO_DIR = path.resolve(__dirname, '../../../demo');

export interface DemoContent extends DemoMunicipality {
  journeyDocuments: JourneyDocument[];
  painPoints: DemoPainPoint[];
  initiatives: DemoInitiative[];
}

export class DemoContentError extends Error {}

function readFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DemoContentError(`Demo content ${file} cannot be read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DemoContentError(`Demo content ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The journeys of the demo in the order municipality.json lists them. */
export function loadDemoJourneys(dir: string = DEMO_DIR): JourneyDocument[] {
  return journeysOf(dir, readFile(path.join(dir, 'municipality.json'), DemoMunicipalitySchema));
}

function journeysOf(dir: string, municipality: DemoMunicipality): JourneyDocument[] {
  return municipality.journeys.map((name) => readFile(path.join(dir, 'journeys', name), JourneyDocumentSchema));
}

export function loadDemoContent(dir: string = DEMO_DIR): DemoContent {
  const municipality = readFile(path.join(dir, 'municipality.json'), DemoMunicipalitySchema);
  const journeyDocuments = journeysOf(dir, municipality);
  const { painPoints } = readFile(path.join(dir, 'feedback.json'), DemoFeedbackSchema);
  const { initiatives } = readFile(path.join(dir, 'initiatives.json'), DemoInitiativesSchema);
  const content = { ...municipality, journeyDocuments, painPoints, initiatives };
  const problems = crossCheck(content);
  if (problems.length > 0) throw new DemoContentError(`Demo content in ${dir} does not fit together:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}`);
  return content;
}

function crossCheck(c: DemoContent): string[] {
  const problems: string[] = [];
  const steps = new Map<string, Set<string>>();
  for (const doc of c.journeyDocuments) {
    if (steps.has(doc.journey.slug)) problems.push(`journeys: slug "${doc.journey.slug}" is used twice`);
    const titles = doc.phases.flatMap((p) => p.steps.map((s) => s.title));
    // Pain points name their step by title, so titles must tell the steps apart.
    if (new Set(titles).size !== titles.length) problems.push(`journeys/${doc.journey.slug}: two steps have the same title`);
    steps.set(doc.journey.slug, new Set(titles));
  }

  const byTitle = new Map<string, DemoPainPoint>();
  c.painPoints.forEach((p, i) => {
    const where = `feedback.json painPoints[${i}]`;
    if (byTitle.has(p.title)) problems.push(`${where}: title "${p.title}" is used twice`);
    byTitle.set(p.title, p);
    const journeySteps = steps.get(p.journey);
    if (!journeySteps) problems.push(`${where}: no demo journey "${p.journey}"`);
    else if (p.step !== null && !journeySteps.has(p.step)) problems.push(`${where}: journey "${p.journey}" has no step "${p.step}"`);
  });
  c.painPoints.forEach((p, i) => {
    if (p.duplicateOf === undefined) return;
    const target = byTitle.get(p.duplicateOf);
    // The moderation service merges only into a published pain point of the same journey, never into a duplicate.
    if (!target || target === p || target.journey !== p.journey || target.duplicateOf !== undefined || target.daysAgo <= PENDING_WITHIN_DAYS) {
      problems.push(`feedback.json painPoints[${i}]: duplicateOf must name another, published pain point of "${p.journey}" that is no duplicate itself`);
    }
  });

  const departments = new Set([
    ...c.departments.map((d) => d.name),
    ...c.journeyDocuments.flatMap((doc) => doc.phases.flatMap((p) => p.steps.flatMap((s) => (s.department ? [s.department.name] : [])))),
  ]);
  c.initiatives.forEach((initiative, i) => {
    const where = `initiatives.json initiatives[${i}]`;
    for (const name of [initiative.owner, ...initiative.departments]) {
      if (!departments.has(name)) problems.push(`${where}: no demo department "${name}"`);
    }
    if (!steps.has(initiative.answers.journey)) problems.push(`${where}: no demo journey "${initiative.answers.journey}"`);
  });
  return problems;
}

// Seeds "Demo kommune" from the data files in demo/ on a database without municipalities, so `npm start` shows
// something real. Everything is written through the services, as staff and residents would, with the services'
// clock moved through the demo's past so the ranking's time decay and the weekly charts look lived in.
import crypto from 'node:crypto';
import type { Db } from '../../db/connection';
import type { MovableClock } from '../../lib/clock';
import { seededRandom as random } from '../../lib/seeded-random';
import type { MunicipalityRow } from '../municipalities/municipality';
import type { MunicipalitiesService } from '../municipalities/municipalities.service';
import type { DepartmentsService } from '../departments/departments.service';
import type { FeedbackService } from '../feedback/feedback.service';
import type { JourneyEditorService } from '../journeys/journey-editor.service';
import type { ModerationService } from '../moderation/moderation.service';
import type { SavedAnswersService } from '../moderation/saved-answers.service';
import type { PortfolioService } from '../portfolio/portfolio.service';
import type { RankingService } from '../ranking/ranking.service';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import { loadDemoContent, type DemoContent } from './demo-content.loader';
import { PENDING_WITHIN_DAYS } from './demo-content.schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A pool of residents, so the same people support several pain points as in real life. */
const RESIDENTS = 220;
/** When the residents first came by: before any of their reports (MAX_DAYS_AGO). */
const RESIDENTS_SINCE_DAYS = 400;
/** Official answers come this long after the report. */
const ANSWER_AFTER_DAYS = 14;
const RANDOM_SEED = 20261128;

/**
 * The seed's moderation is done by no staff account (creating one would end the first-run setup). The audit log
 * records such system actions with no actor, as it does for the municipality, journeys and initiatives made here.
 */
const SYSTEM_ACTOR = null;

/** The services the seed writes through. */
export interface DemoServices {
  municipalities: MunicipalitiesService;
  departments: DepartmentsService;
  journeyEditor: JourneyEditorService;
  feedback: FeedbackService;
  moderation: ModerationService;
  savedAnswers: SavedAnswersService;
  ranking: RankingService;
  portfolio: PortfolioService;
  publicJourneys: PublicJourneysService;
}

/** The services' clock, set to each moment of the demo's timeline before the write that happens then. */
interface Timeline {
  now: Date;
  set(moment: Date): void;
  daysAgo(days: number): Date;
}

/** Seeds the demo municipality when there are no municipalities; returns whether it did. */
export function seedDemo(db: Db, services: DemoServices, clock: MovableClock, now: Date = new Date()): boolean {
  const time: Timeline = {
    now,
    set: (m) => clock.set(m),
    daysAgo: (days) => new Date(now.getTime() - days * DAY_MS),
  };
  const seed = db.transaction(() => {
    if (services.municipalities.list().length > 0) return false;
    const content = loadDemoContent();
    const municipality = seedStructure(services, content);
    seedFeedback(services, time, municipality, content);
    time.set(now);
    // The candidates' sums from scratch, as after any bulk load (the votes above came in report by report, not in time order).
    services.ranking.rebuild(municipality.id);
    seedInitiatives(services, municipality.id, content);
    return true;
  });
  try {
    return seed.immediate();
  } finally {
    clock.set(null);
  }
}

/** The municipality, its departments and its journeys, published as they are today. */
function seedStructure(services: DemoServices, content: DemoContent): MunicipalityRow {
  const municipalityId = services.municipalities.create(null, content.municipality);
  for (const d of content.departments) services.departments.findOrCreate(municipalityId, d.name, d.kind);
  for (const a of content.savedAnswers) services.savedAnswers.create(SYSTEM_ACTOR, municipalityId, a);
  for (const doc of content.journeyDocuments) {
    services.journeyEditor.publish(null, municipalityId, services.journeyEditor.importDocument(null, municipalityId, doc));
  }
  return services.municipalities.bySlug(content.municipality.slug);
}

/**
 * Residents report, the older reports are approved the moment they arrive, other residents say "me too" over the
 * days after, some get an official answer, and duplicates are merged. Reports are written one after another, each
 * with its votes and answer, in the order of feedback.json, which the pseudo-random draws follow.
 */
function seedFeedback(services: DemoServices, time: Timeline, municipality: MunicipalityRow, content: DemoContent): void {
  const rnd = random(RANDOM_SEED);
  time.set(time.daysAgo(RESIDENTS_SINCE_DAYS));
  const residents = Array.from({ length: RESIDENTS }, () =>
    services.feedback.ensureParticipant(crypto.createHash('sha256').update(`demo-${rnd()}`).digest('hex')),
  );
  const pick = () => residents[Math.floor(rnd() * residents.length)]!;
  const maps = new Map(content.journeyDocuments.map((doc) => [doc.journey.slug, services.publicJourneys.map(municipality.id, doc.journey.slug)]));

  const ids = new Map<string, number>();
  for (const item of content.painPoints) {
    const map = maps.get(item.journey)!;
    const stepId = item.step === null ? null : map.steps.find((s) => s.title === item.step)!.id;
    const submitter = pick();
    time.set(time.daysAgo(item.daysAgo));
    const { id } = services.feedback.submit(submitter, municipality, map.journeyId, stepId, {
      title: item.title,
      body: item.body,
      severity: item.severity,
      channel: item.channel,
    });
    ids.set(item.title, id);
    const published = item.daysAgo > PENDING_WITHIN_DAYS;
    if (published) services.moderation.approve(SYSTEM_ACTOR, municipality.id, id);
    for (let n = 0; n < item.supporters; n += 1) {
      const voter = pick();
      if (voter === submitter) continue;
      const daysAfter = Math.floor(rnd() * item.daysAgo);
      const severity = rnd() < 0.75 ? Math.max(1, Math.min(5, item.severity + Math.round((rnd() - 0.5) * 2))) : null;
      // Nobody can support a report still waiting for moderation; the draws are made all the same, so that every
      // later report gets the same residents and moments whatever the pending ones hold.
      if (!published) continue;
      time.set(time.daysAgo(item.daysAgo - daysAfter));
      services.feedback.vote(voter, municipality.id, id, severity);
    }
    if (item.answer) {
      time.set(time.daysAgo(Math.max(0, item.daysAgo - ANSWER_AFTER_DAYS)));
      services.moderation.answer(SYSTEM_ACTOR, municipality.id, id, item.answer.status, item.answer.text);
    }
  }
  // Merged at the time of the seed, once every report and its supporters are in.
  time.set(time.now);
  for (const item of content.painPoints) {
    if (item.duplicateOf !== undefined) services.moderation.merge(SYSTEM_ACTOR, municipality.id, ids.get(item.title)!, ids.get(item.duplicateOf)!);
  }
}

/** A small portfolio answering the top candidates of each journey, so the board and "what we are doing" have content. */
function seedInitiatives(services: DemoServices, municipalityId: number, content: DemoContent): void {
  const departmentIds = new Map(services.departments.list(municipalityId).map((d) => [d.name, d.id]));
  const department = (name: string) => departmentIds.get(name)!;
  for (const plan of content.initiatives) {
    const journeyId = services.publicJourneys.map(municipalityId, plan.answers.journey).journeyId;
    const candidates = services.ranking.ranked(municipalityId, { journeyId, limit: plan.answers.topCandidates }).map((c) => c.id);
    services.portfolio.create(
      null,
      municipalityId,
      {
        title: plan.title,
        description: plan.description,
        ownerDepartmentId: department(plan.owner),
        departmentIds: plan.departments.map(department),
        effort: plan.effort,
        confidence: plan.confidence,
        status: plan.status,
        progress: plan.progress,
        publicNote: plan.publicNote,
      },
      candidates,
    );
  }
}

// SQL for journeys, their phases and steps (the working copy) and their published versions.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { Locale } from '../../lib/i18n';
import type { TranslationItem, TranslationRow } from './journey-language';
import type { JourneyFields, SnapshotStep } from './journey-snapshot';
import type { DepartmentKind } from '../departments/department-vocabulary';
import type { Channel, HandoverKind, LifeEvent } from './journey-vocabulary';

export interface JourneyRow {
  id: number;
  municipality_id: number;
  slug: string;
  title: string;
  life_event: LifeEvent;
  persona: string;
  scenario: string;
  trigger_text: string;
  outcome: string;
  summary: string;
  status: 'draft' | 'published' | 'archived';
  public_slug: string | null;
  current_version_id: number | null;
  copied_from_journey_id: number | null;
  /** The language the journey is written in (#19.9, migration 0021). */
  content_language: Locale;
  created_at: string;
  updated_at: string;
}

export interface PhaseRow {
  id: number;
  journey_id: number;
  position: number;
  title: string;
  description: string;
}

export interface StepRow {
  id: number;
  journey_id: number;
  phase_id: number;
  position: number;
  title: string;
  resident_action: string;
  touchpoint: string;
  channel: Channel;
  department_id: number | null;
  department_name: string | null;
  department_kind: 'municipal' | 'state' | 'private' | null;
  backstage: string;
  systems: string;
  emotion: number;
  duration: string;
}

/** A stated handover into a step, with its departments' names and kinds. */
export interface HandoverRow {
  step_id: number;
  from_department_id: number | null;
  from_name: string | null;
  from_kind: DepartmentKind | null;
  to_department_id: number | null;
  to_name: string | null;
  to_kind: DepartmentKind | null;
  what: HandoverKind;
  note: string;
}

export interface HandoverValues {
  fromDepartmentId: number | null;
  toDepartmentId: number | null;
  what: HandoverKind;
  note: string;
}

/** A lane of the designer's own (#19.4). */
export interface LaneRow {
  id: number;
  journey_id: number;
  position: number;
  title: string;
}

export interface VersionRow {
  id: number;
  journey_id: number;
  version: number;
  snapshot: string;
  published_at: string;
  published_by_name: string | null;
}

/**
 * The journey's own fields, as the editor writes them and snapshots carry them. Without a content language an update
 * keeps the journey's, and a new journey takes its municipality's default (the service decides).
 */
export type JourneyDetails = Omit<JourneyFields, 'language' | 'translations'> & { contentLanguage?: Locale };

/** One translated text of the working copy (#19.9), with the original it was made from. */
export interface TranslationValues {
  language: Locale;
  item: TranslationItem;
  itemId: number;
  field: string;
  text: string;
  sourceText: string;
}

/** A step as the editor writes it: the snapshot's fields, with the department as an id. */
export type StepValues = Omit<SnapshotStep, 'id' | 'department' | 'handover' | 'involved' | 'lanes'> & {
  departmentId: number | null;
  /** Other departments taking part (#19.3); left as they are when not given. */
  involvedIds?: readonly number[];
};

export type PublishedJourneyRef = Omit<PublishedJourneyRow, 'snapshot'>;

export interface PublishedJourneyRow {
  id: number;
  municipality_id: number;
  public_slug: string;
  version_id: number;
  version: number;
  published_at: string;
  snapshot: string;
}

const STEP_COLUMNS = `s.id, s.journey_id, s.phase_id, s.position, s.title, s.resident_action, s.touchpoint, s.channel,
  s.department_id, d.name AS department_name, d.kind AS department_kind, s.backstage, s.systems, s.emotion, s.duration`;

/** A step removed from the draft, for its history (#19.6). */
export interface RemovedStepRow {
  id: number;
  phase_id: number;
  title: string;
  removed_at: string;
  merged_into_step_id: number | null;
  merged_into_title: string | null;
}

export class JourneysRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  // --- journeys -------------------------------------------------------------------------------

  byId(municipalityId: number, journeyId: number): JourneyRow | undefined {
    return this.statement('SELECT * FROM journeys WHERE id = ? AND municipality_id = ?').get(journeyId, municipalityId) as JourneyRow | undefined;
  }

  list(municipalityId: number): JourneyRow[] {
    return this.statement('SELECT * FROM journeys WHERE municipality_id = ? ORDER BY title COLLATE NOCASE').all(municipalityId) as JourneyRow[];
  }

  /** Whether another journey of the municipality uses the slug, in its draft or in its live version. */
  slugTaken(municipalityId: number, slug: string, exceptJourneyId: number | null): boolean {
    return (
      this.statement(
        `SELECT EXISTS (SELECT 1 FROM journeys WHERE municipality_id = ? AND (slug = ? OR public_slug = ?) AND id IS NOT ?)`,
        'pluck',
      ).get(municipalityId, slug, slug, exceptJourneyId) === 1
    );
  }

  insertJourney(municipalityId: number, d: JourneyDetails & { contentLanguage: Locale }, now: string, copiedFrom: number | null = null): number {
    return Number(
      this.statement(
        `INSERT INTO journeys (municipality_id, slug, title, life_event, persona, scenario, trigger_text, outcome, summary,
           content_language, copied_from_journey_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(municipalityId, d.slug, d.title, d.lifeEvent, d.persona, d.scenario, d.trigger, d.outcome, d.summary, d.contentLanguage, copiedFrom, now, now)
        .lastInsertRowid,
    );
  }

  updateJourney(journeyId: number, d: JourneyDetails, now: string): void {
    this.statement(
      `UPDATE journeys SET slug = ?, title = ?, life_event = ?, persona = ?, scenario = ?, trigger_text = ?, outcome = ?,
         summary = ?, content_language = coalesce(?, content_language), updated_at = ? WHERE id = ?`,
    ).run(d.slug, d.title, d.lifeEvent, d.persona, d.scenario, d.trigger, d.outcome, d.summary, d.contentLanguage ?? null, now, journeyId);
  }

  touch(journeyId: number, now: string): void {
    this.statement('UPDATE journeys SET updated_at = ? WHERE id = ?').run(now, journeyId);
  }

  setStatus(journeyId: number, status: JourneyRow['status'], now: string): void {
    this.statement('UPDATE journeys SET status = ?, updated_at = ? WHERE id = ?').run(status, now, journeyId);
  }

  // --- phases ---------------------------------------------------------------------------------

  phases(journeyId: number): PhaseRow[] {
    return this.statement('SELECT id, journey_id, position, title, description FROM phases WHERE journey_id = ? AND removed_at IS NULL ORDER BY position')
      .all(journeyId) as PhaseRow[];
  }

  phase(journeyId: number, phaseId: number): PhaseRow | undefined {
    return this.statement('SELECT id, journey_id, position, title, description FROM phases WHERE id = ? AND journey_id = ? AND removed_at IS NULL')
      .get(phaseId, journeyId) as PhaseRow | undefined;
  }

  insertPhase(journeyId: number, title: string, description: string): number {
    const position = this.statement('SELECT coalesce(max(position), 0) + 1 FROM phases WHERE journey_id = ? AND removed_at IS NULL', 'pluck')
      .get(journeyId) as number;
    return Number(
      this.statement('INSERT INTO phases (journey_id, position, title, description) VALUES (?, ?, ?, ?)')
        .run(journeyId, position, title, description).lastInsertRowid,
    );
  }

  updatePhase(phaseId: number, title: string, description: string): void {
    this.statement('UPDATE phases SET title = ?, description = ? WHERE id = ?').run(title, description, phaseId);
  }

  removePhase(phaseId: number, now: string): void {
    this.statement('UPDATE phases SET removed_at = ? WHERE id = ?').run(now, phaseId);
    this.statement('UPDATE steps SET removed_at = ? WHERE phase_id = ? AND removed_at IS NULL').run(now, phaseId);
  }

  setPhasePosition(phaseId: number, position: number): void {
    this.statement('UPDATE phases SET position = ? WHERE id = ?').run(position, phaseId);
  }

  // --- removed from the working copy, to restore (#19.6) --------------------------------------

  /** Phases removed from the draft, newest first, with the steps removed with them. */
  removedPhases(journeyId: number): (PhaseRow & { removed_at: string })[] {
    return this.statement('SELECT id, journey_id, position, title, description, removed_at FROM phases WHERE journey_id = ? AND removed_at IS NOT NULL ORDER BY removed_at DESC, id')
      .all(journeyId) as (PhaseRow & { removed_at: string })[];
  }

  /**
   * Steps removed from the draft, newest first; a step merged into another names it (its feedback stayed there), and
   * the target's title is the one it has now, or null when the target is gone from the draft too.
   */
  removedSteps(journeyId: number): RemovedStepRow[] {
    return this.statement(
      `SELECT s.id, s.phase_id, s.title, s.removed_at, s.merged_into_step_id, t.title AS merged_into_title
       FROM steps s LEFT JOIN steps t ON t.id = s.merged_into_step_id AND t.removed_at IS NULL
       WHERE s.journey_id = ? AND s.removed_at IS NOT NULL ORDER BY s.removed_at DESC, s.position`,
    ).all(journeyId) as RemovedStepRow[];
  }

  /** Brings a phase back at the end, with the steps removed together with it. */
  restorePhase(phaseId: number, removedAt: string): void {
    const journeyId = this.statement('SELECT journey_id FROM phases WHERE id = ?', 'pluck').get(phaseId) as number;
    const position = this.statement('SELECT coalesce(max(position), 0) + 1 FROM phases WHERE journey_id = ? AND removed_at IS NULL', 'pluck').get(journeyId) as number;
    this.statement('UPDATE phases SET removed_at = NULL, position = ? WHERE id = ?').run(position, phaseId);
    this.statement('UPDATE steps SET removed_at = NULL WHERE phase_id = ? AND removed_at = ? AND merged_into_step_id IS NULL').run(phaseId, removedAt);
  }

  /** Brings a step back at the end of its phase; a merged one stops pointing at the step it was merged into. */
  restoreStep(stepId: number, phaseId: number): void {
    this.statement('UPDATE steps SET removed_at = NULL, merged_into_step_id = NULL, position = ? WHERE id = ?').run(this.nextStepPosition(phaseId), stepId);
  }

  // --- steps ----------------------------------------------------------------------------------

  steps(journeyId: number): StepRow[] {
    return this.statement(
      `SELECT ${STEP_COLUMNS} FROM steps s LEFT JOIN departments d ON d.id = s.department_id
       WHERE s.journey_id = ? AND s.removed_at IS NULL ORDER BY s.phase_id, s.position`,
    ).all(journeyId) as StepRow[];
  }

  step(journeyId: number, stepId: number): StepRow | undefined {
    return this.statement(
      `SELECT ${STEP_COLUMNS} FROM steps s LEFT JOIN departments d ON d.id = s.department_id
       WHERE s.id = ? AND s.journey_id = ? AND s.removed_at IS NULL`,
    ).get(stepId, journeyId) as StepRow | undefined;
  }

  stepsOfPhase(phaseId: number): { id: number; position: number }[] {
    return this.statement('SELECT id, position FROM steps WHERE phase_id = ? AND removed_at IS NULL ORDER BY position')
      .all(phaseId) as { id: number; position: number }[];
  }

  insertStep(journeyId: number, phaseId: number, v: StepValues): number {
    const position = this.nextStepPosition(phaseId);
    const id = Number(
      this.statement(
        `INSERT INTO steps (journey_id, phase_id, position, title, resident_action, touchpoint, channel, department_id,
           backstage, systems, emotion, duration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(journeyId, phaseId, position, v.title, v.residentAction, v.touchpoint, v.channel, v.departmentId, v.backstage, v.systems, v.emotion, v.duration)
        .lastInsertRowid,
    );
    if (v.involvedIds) this.setInvolved(id, v.involvedIds);
    return id;
  }

  updateStep(stepId: number, v: StepValues): void {
    this.statement(
      `UPDATE steps SET title = ?, resident_action = ?, touchpoint = ?, channel = ?, department_id = ?, backstage = ?,
         systems = ?, emotion = ?, duration = ? WHERE id = ?`,
    ).run(v.title, v.residentAction, v.touchpoint, v.channel, v.departmentId, v.backstage, v.systems, v.emotion, v.duration, stepId);
    if (v.involvedIds) this.setInvolved(stepId, v.involvedIds);
  }

  /** A step right after the one at `position` in the phase: the later ones move one place on. */
  insertStepAfter(journeyId: number, phaseId: number, position: number, v: StepValues): number {
    this.statement('UPDATE steps SET position = position + 1 WHERE phase_id = ? AND removed_at IS NULL AND position > ?').run(phaseId, position);
    const id = this.insertStep(journeyId, phaseId, v);
    this.statement('UPDATE steps SET position = ? WHERE id = ?').run(position + 1, id);
    return id;
  }

  /** Moves a step to the end of another phase. */
  moveStepToPhase(stepId: number, phaseId: number): void {
    this.statement('UPDATE steps SET phase_id = ?, position = ? WHERE id = ?').run(phaseId, this.nextStepPosition(phaseId), stepId);
  }

  setStepPosition(stepId: number, position: number): void {
    this.statement('UPDATE steps SET position = ? WHERE id = ?').run(position, stepId);
  }

  mergeStep(stepId: number, targetStepId: number, now: string): void {
    this.statement('UPDATE steps SET removed_at = ?, merged_into_step_id = ? WHERE id = ?').run(now, targetStepId, stepId);
  }

  removeStep(stepId: number, now: string): void {
    this.statement('UPDATE steps SET removed_at = ? WHERE id = ?').run(now, stepId);
  }

  private nextStepPosition(phaseId: number): number {
    return this.statement('SELECT coalesce(max(position), 0) + 1 FROM steps WHERE phase_id = ? AND removed_at IS NULL', 'pluck').get(phaseId) as number;
  }

  // --- departments involved besides the responsible one (#19.3) --------------------------------

  involved(journeyId: number): { step_id: number; id: number; name: string; kind: DepartmentKind }[] {
    return this.statement(
      `SELECT x.step_id, d.id, d.name, d.kind FROM step_departments x JOIN steps s ON s.id = x.step_id JOIN departments d ON d.id = x.department_id
       WHERE s.journey_id = ? AND s.removed_at IS NULL ORDER BY d.name COLLATE NOCASE`,
    ).all(journeyId) as { step_id: number; id: number; name: string; kind: DepartmentKind }[];
  }

  setInvolved(stepId: number, departmentIds: readonly number[]): void {
    this.statement('DELETE FROM step_departments WHERE step_id = ?').run(stepId);
    for (const id of new Set(departmentIds)) this.statement('INSERT INTO step_departments (step_id, department_id) VALUES (?, ?)').run(stepId, id);
  }

  // --- the journey's own lanes (#19.4) ---------------------------------------------------------

  lanes(journeyId: number): LaneRow[] {
    return this.statement('SELECT id, journey_id, position, title FROM journey_lanes WHERE journey_id = ? ORDER BY position, id').all(journeyId) as LaneRow[];
  }

  /** Every text of the journey's own lanes, for the steps still in the draft. */
  laneTexts(journeyId: number): { lane_id: number; step_id: number; text: string }[] {
    return this.statement(
      `SELECT t.lane_id, t.step_id, t.text FROM step_lane_texts t JOIN journey_lanes l ON l.id = t.lane_id
       WHERE l.journey_id = ? AND t.text <> ''`,
    ).all(journeyId) as { lane_id: number; step_id: number; text: string }[];
  }

  insertLane(journeyId: number, title: string): number {
    const position = this.statement('SELECT coalesce(max(position), 0) + 1 FROM journey_lanes WHERE journey_id = ?', 'pluck').get(journeyId) as number;
    return Number(this.statement('INSERT INTO journey_lanes (journey_id, position, title) VALUES (?, ?, ?)').run(journeyId, position, title).lastInsertRowid);
  }

  renameLane(laneId: number, title: string): void {
    this.statement('UPDATE journey_lanes SET title = ? WHERE id = ?').run(title, laneId);
  }

  setLanePosition(laneId: number, position: number): void {
    this.statement('UPDATE journey_lanes SET position = ? WHERE id = ?').run(position, laneId);
  }

  deleteLane(laneId: number): void {
    this.statement('DELETE FROM journey_lanes WHERE id = ?').run(laneId);
  }

  /** A step's text in a lane; an empty text removes it. */
  setLaneText(laneId: number, stepId: number, text: string): void {
    if (text === '') this.statement('DELETE FROM step_lane_texts WHERE lane_id = ? AND step_id = ?').run(laneId, stepId);
    else {
      this.statement('INSERT INTO step_lane_texts (lane_id, step_id, text) VALUES (?, ?, ?) ON CONFLICT (lane_id, step_id) DO UPDATE SET text = excluded.text')
        .run(laneId, stepId, text);
    }
  }

  // --- handovers (#19.2) ----------------------------------------------------------------------

  /** The stated handovers into the journey's steps that are still in the working copy. */
  handovers(journeyId: number): HandoverRow[] {
    return this.statement(
      `SELECT h.step_id, h.from_department_id, f.name AS from_name, f.kind AS from_kind,
              h.to_department_id, t.name AS to_name, t.kind AS to_kind, h.what, h.note
       FROM step_handovers h JOIN steps s ON s.id = h.step_id
       LEFT JOIN departments f ON f.id = h.from_department_id LEFT JOIN departments t ON t.id = h.to_department_id
       WHERE s.journey_id = ? AND s.removed_at IS NULL`,
    ).all(journeyId) as HandoverRow[];
  }

  setHandover(stepId: number, v: HandoverValues): void {
    this.statement(
      `INSERT INTO step_handovers (step_id, from_department_id, to_department_id, what, note) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (step_id) DO UPDATE SET from_department_id = excluded.from_department_id,
         to_department_id = excluded.to_department_id, what = excluded.what, note = excluded.note`,
    ).run(stepId, v.fromDepartmentId, v.toDepartmentId, v.what, v.note);
  }

  removeHandover(stepId: number): boolean {
    return this.statement('DELETE FROM step_handovers WHERE step_id = ?').run(stepId).changes > 0;
  }

  // --- translations of the working copy's text (#19.9) ---------------------------------------

  translations(journeyId: number): TranslationRow[] {
    return this.statement('SELECT language, item, item_id, field, text, source_text FROM journey_translations WHERE journey_id = ?')
      .all(journeyId) as TranslationRow[];
  }

  setTranslation(journeyId: number, v: TranslationValues): void {
    this.statement(
      `INSERT INTO journey_translations (journey_id, language, item, item_id, field, text, source_text) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (journey_id, language, item, item_id, field) DO UPDATE SET text = excluded.text, source_text = excluded.source_text`,
    ).run(journeyId, v.language, v.item, v.itemId, v.field, v.text, v.sourceText);
  }

  removeTranslation(journeyId: number, language: Locale, item: TranslationItem, itemId: number, field: string): boolean {
    return (
      this.statement('DELETE FROM journey_translations WHERE journey_id = ? AND language = ? AND item = ? AND item_id = ? AND field = ?')
        .run(journeyId, language, item, itemId, field).changes > 0
    );
  }

  // --- versions -------------------------------------------------------------------------------

  versions(journeyId: number): VersionRow[] {
    return this.statement(
      `SELECT v.id, v.journey_id, v.version, v.snapshot, v.published_at, u.name AS published_by_name
       FROM journey_versions v LEFT JOIN users u ON u.id = v.published_by
       WHERE v.journey_id = ? ORDER BY v.version DESC`,
    ).all(journeyId) as VersionRow[];
  }

  version(journeyId: number, version: number): VersionRow | undefined {
    return this.statement(
      `SELECT v.id, v.journey_id, v.version, v.snapshot, v.published_at, u.name AS published_by_name
       FROM journey_versions v LEFT JOIN users u ON u.id = v.published_by
       WHERE v.journey_id = ? AND v.version = ?`,
    ).get(journeyId, version) as VersionRow | undefined;
  }

  currentSnapshot(journeyId: number): string | undefined {
    return this.statement('SELECT v.snapshot FROM journeys j JOIN journey_versions v ON v.id = j.current_version_id WHERE j.id = ?', 'pluck')
      .get(journeyId) as string | undefined;
  }

  insertVersion(journeyId: number, snapshot: string, slug: string, userId: number | null, now: string): number {
    const version = this.statement('SELECT coalesce(max(version), 0) + 1 FROM journey_versions WHERE journey_id = ?', 'pluck').get(journeyId) as number;
    const id = Number(
      this.statement('INSERT INTO journey_versions (journey_id, version, snapshot, published_at, published_by) VALUES (?, ?, ?, ?, ?)')
        .run(journeyId, version, snapshot, now, userId).lastInsertRowid,
    );
    this.statement(`UPDATE journeys SET current_version_id = ?, public_slug = ?, status = 'published', updated_at = ? WHERE id = ?`)
      .run(id, slug, now, journeyId);
    return version;
  }

  // --- public reads ---------------------------------------------------------------------------

  // The public reads below leave the snapshot out: readers keep parsed snapshots by version id (they never change),
  // and reading ten large JSON texts per request only to find them cached was the API's largest cost.
  published(municipalityId: number): PublishedJourneyRef[] {
    return this.statement(
      `SELECT j.id, j.municipality_id, j.public_slug, v.id AS version_id, v.version, v.published_at
       FROM journeys j JOIN journey_versions v ON v.id = j.current_version_id
       WHERE j.municipality_id = ? AND j.status = 'published'`,
    ).all(municipalityId) as PublishedJourneyRef[];
  }

  versionSnapshot(versionId: number): string {
    return this.statement('SELECT snapshot FROM journey_versions WHERE id = ?', 'pluck').get(versionId) as string;
  }

  publishedBySlug(municipalityId: number, slug: string): PublishedJourneyRef | undefined {
    return this.statement(
      `SELECT j.id, j.municipality_id, j.public_slug, v.id AS version_id, v.version, v.published_at
       FROM journeys j JOIN journey_versions v ON v.id = j.current_version_id
       WHERE j.municipality_id = ? AND j.public_slug = ? AND j.status = 'published'`,
    ).get(municipalityId, slug) as PublishedJourneyRef | undefined;
  }

  /** Published journeys of every other municipality, for "start from a copy". */
  publishedElsewhere(municipalityId: number): (PublishedJourneyRow & { municipality_name: string; municipality_slug: string })[] {
    return this.statement(
      `SELECT j.id, j.municipality_id, j.public_slug, v.id AS version_id, v.version, v.published_at, v.snapshot,
              m.name AS municipality_name, m.slug AS municipality_slug
       FROM journeys j JOIN journey_versions v ON v.id = j.current_version_id JOIN municipalities m ON m.id = j.municipality_id
       WHERE j.municipality_id <> ? AND j.status = 'published'
       ORDER BY m.name, j.title`,
    ).all(municipalityId) as (PublishedJourneyRow & { municipality_name: string; municipality_slug: string })[];
  }

  publishedById(journeyId: number): PublishedJourneyRow | undefined {
    return this.statement(
      `SELECT j.id, j.municipality_id, j.public_slug, v.id AS version_id, v.version, v.published_at, v.snapshot
       FROM journeys j JOIN journey_versions v ON v.id = j.current_version_id
       WHERE j.id = ? AND j.status = 'published'`,
    ).get(journeyId) as PublishedJourneyRow | undefined;
  }
}

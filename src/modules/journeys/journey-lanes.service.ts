// A journey's own lanes (#19.4): rows the designer adds under the fixed ones (quotes, opportunities, KPIs, legal
// basis…), each with a text per step written in the grid. Audited with the lane's title. Free of req/res.
import { ConflictError, NotFoundError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { JourneyEditorService } from './journey-editor.service';
import { laneTextField } from './journey-language';
import type { JourneysRepository, LaneRow } from './journeys.repository';

/** More rows than any map needs; the grid and the map stay readable. */
export const MAX_LANES = 8;

export class JourneyLanesService {
  constructor(
    private readonly repo: JourneysRepository,
    private readonly editor: Pick<JourneyEditorService, 'get' | 'touch' | 'transaction'>,
    private readonly audit: AuditService,
  ) {}

  lanes(journeyId: number): LaneRow[] {
    return this.repo.lanes(journeyId);
  }

  private lane(municipalityId: number, journeyId: number, laneId: number): LaneRow {
    this.editor.get(municipalityId, journeyId);
    const lane = this.repo.lanes(journeyId).find((l) => l.id === laneId);
    if (!lane) throw new NotFoundError();
    return lane;
  }

  add(actorId: number | null, municipalityId: number, journeyId: number, title: string): number {
    const id = this.editor.transaction(() => {
      this.editor.get(municipalityId, journeyId);
      const lanes = this.repo.lanes(journeyId);
      if (lanes.length >= MAX_LANES) throw new ConflictError({ title: 'validation.tooManyLanes' }, { title });
      if (lanes.some((l) => l.title.toLocaleLowerCase('nb') === title.toLocaleLowerCase('nb'))) throw new ConflictError({ title: 'validation.laneTaken' }, { title });
      const laneId = this.repo.insertLane(journeyId, title);
      this.editor.touch(journeyId);
      return laneId;
    });
    this.record(actorId, municipalityId, 'journey.lane_added', journeyId, { laneId: id, title });
    return id;
  }

  rename(actorId: number | null, municipalityId: number, journeyId: number, laneId: number, title: string): void {
    this.editor.transaction(() => {
      this.lane(municipalityId, journeyId, laneId);
      if (this.repo.lanes(journeyId).some((l) => l.id !== laneId && l.title.toLocaleLowerCase('nb') === title.toLocaleLowerCase('nb'))) {
        throw new ConflictError({ title: 'validation.laneTaken' }, { title });
      }
      this.repo.renameLane(laneId, title);
      this.editor.touch(journeyId);
    });
    this.record(actorId, municipalityId, 'journey.lane_renamed', journeyId, { laneId, title });
  }

  move(actorId: number | null, municipalityId: number, journeyId: number, laneId: number, direction: 'up' | 'down'): void {
    this.editor.transaction(() => {
      this.lane(municipalityId, journeyId, laneId);
      const lanes = this.repo.lanes(journeyId);
      const i = lanes.findIndex((l) => l.id === laneId);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= lanes.length) throw new ConflictError({ _form: direction === 'up' ? 'validation.alreadyFirst' : 'validation.alreadyLast' });
      const order = lanes.map((l) => l.id);
      [order[i], order[j]] = [order[j]!, order[i]!];
      order.forEach((id, position) => this.repo.setLanePosition(id, position + 1));
      this.editor.touch(journeyId);
    });
    this.record(actorId, municipalityId, 'journey.lane_moved', journeyId, { laneId, direction });
  }

  /**
   * Removes a lane, its texts and their translations (#19.9) from the draft; published versions keep them in their
   * snapshots. The translations go too since a lane added later may be given the same id.
   */
  remove(actorId: number | null, municipalityId: number, journeyId: number, laneId: number): void {
    const { title } = this.editor.transaction(() => {
      const lane = this.lane(municipalityId, journeyId, laneId);
      this.repo.deleteLane(laneId);
      const cell = laneTextField(laneId);
      for (const row of this.repo.translations(journeyId)) {
        if ((row.item === 'lane' && row.item_id === laneId) || (row.item === 'step' && row.field === cell)) {
          this.repo.removeTranslation(journeyId, row.language, row.item, row.item_id, row.field);
        }
      }
      this.editor.touch(journeyId);
      return lane;
    });
    this.record(actorId, municipalityId, 'journey.lane_removed', journeyId, { laneId, title });
  }

  private record(actorId: number | null, municipalityId: number, action: string, journeyId: number, details: Record<string, unknown>): void {
    this.audit.record({ actorUserId: actorId, municipalityId, action, entityType: 'journey', entityId: journeyId, details });
  }
}

// What the editor's controllers share: the editor overview page (also the form a refused button is shown on), the
// address a redirect back to it takes, and who acts in which municipality.
import type { Request } from 'express';
import { paths } from '../../../paths';
import type { JourneyEditorService } from '../journey-editor.service';
import { stepsInOrder, suggestedHandovers } from '../journey-snapshot';
import { CHANNELS, EMOTIONS, LIFE_EVENTS } from '../journey-vocabulary';
import type { DepartmentsService } from '../../departments/departments.service';
import { GRID_LANES, NEW_COLUMNS } from '../phase-grid.schema';
import type { ReviewService } from '../review/review.service';
import { journeyOf } from './load-journey';

/** The choices the details and step forms offer. */
export const VOCABULARY = { lifeEvents: LIFE_EVENTS, channels: CHANNELS, emotions: EMOTIONS };

/** The signed-in staff member and the municipality in the URL (both checked by the middleware before). */
export const actorId = (req: Request) => req.user!.id;
export const municipalityId = (req: Request) => req.municipality!.id;

/** The editor overview of a journey (by default the one in the URL), optionally at an anchor on the page. */
export function overview(req: Request, journeyId = journeyOf(req).id, hash?: string): string {
  return paths.admin.journeys.show({ municipality: req.municipality!.slug, journeyId }, undefined, hash);
}

/**
 * The editor overview as a form: its view and locals. The phase and step buttons (move, remove, merge) and the
 * publishing buttons live on it, so a refused one (a move beyond the end, an empty publish) is shown here with 400.
 */
/** What the editor overview is built from: the journey's working copy and its open review comments (#19.7). */
export interface EditorPageDeps {
  journeyEditor: JourneyEditorService;
  review: Pick<ReviewService, 'openComments'>;
  departments: Pick<DepartmentsService, 'list'>;
}

export function editorPage({ journeyEditor: editor, review, departments }: EditorPageDeps) {
  return (req: Request) => {
    const journey = journeyOf(req);
    const draft = editor.draftSnapshot(journey);
    const steps = stepsInOrder(draft);
    return {
      view: 'journeys/editor',
      locals: {
        title: journey.title,
        draft,
        steps,
        suggestions: suggestedHandovers(steps),
        openComments: review.openComments(journey.id).length,
        // The grid (#19.1): its lanes, choices and empty columns for new steps.
        departments: departments.list(municipalityId(req)),
        lanes: GRID_LANES,
        ownLanes: draft.lanes ?? [],
        newColumns: NEW_COLUMNS,
        ...VOCABULARY,
        hasUnpublishedChanges: editor.hasUnpublishedChanges(journey, draft),
        versions: editor.versions(municipalityId(req), journey.id),
      },
    };
  };
}

/**
 * Field names with the prefix their ids carry on the editor page, where several forms share it (the phase grids,
 * the lanes' forms) (`_form` is the form's own message, never prefixed).
 * `unlessPrefixed` leaves names the grid's reader already prefixed as they are.
 */
export function prefixed<T>(entries: Record<string, T>, prefix: string, unlessPrefixed = false): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k === '_form' || (unlessPrefixed && k.startsWith(prefix)) ? k : prefix + k, v]));
}

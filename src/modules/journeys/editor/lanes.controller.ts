// The journey's own lanes (#19.4), managed on the editor page: add, rename, move, remove. Their forms share the page
// with the grids, so each one's field id carries a prefix (`lane-new-title`, `lane-7-title`), added here to a
// refusal's errors and values before the page is shown again.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ValidationError } from '../../../errors';
import { setFlash, type Flash } from '../../../lib/flash';
import { showFormAgain } from '../../../lib/form-handler';
import { EmptyFormSchema, parseForm } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import type { JourneyLanesService } from '../journey-lanes.service';
import { MoveInputSchema } from '../journeys.schema';
import { actorId, editorPage, municipalityId, overview, prefixed, type EditorPageDeps } from './editor-page';
import { journeyOf } from './load-journey';

const LaneInputSchema = z.strictObject({ title: z.string('validation.required').trim().min(1, 'validation.required').max(80, 'validation.tooLong') });

export function lanesController(deps: EditorPageDeps & { journeyLanes: JourneyLanesService }) {
  const lanes = deps.journeyLanes;
  const page = editorPage(deps);
  const laneId = (req: Request) => idParam(req, 'laneId');

  /** One lane form: parsed, acted on, back at the lanes; refused on the editor page with the form's own ids. */
  const laneForm = <S extends z.ZodType>(schema: S, prefix: (req: Request) => string, flash: Flash, act: (req: Request, input: z.infer<S>) => void) =>
    (req: Request, res: Response) => {
      try {
        act(req, parseForm(schema, req.body));
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return showFormAgain(req, res, new ValidationError(prefixed(err.fieldErrors, prefix(req)), prefixed(err.values, prefix(req))), page(req));
      }
      setFlash(res, flash);
      res.redirect(303, overview(req, undefined, 'egne-rader'));
    };

  return {
    add: laneForm(LaneInputSchema, () => 'lane-new-', 'saved', (req, { title }) => lanes.add(actorId(req), municipalityId(req), journeyOf(req).id, title)),
    rename: laneForm(LaneInputSchema, (req) => `lane-${laneId(req)}-`, 'saved', (req, { title }) =>
      lanes.rename(actorId(req), municipalityId(req), journeyOf(req).id, laneId(req), title)),
    move: laneForm(MoveInputSchema, (req) => `lane-${laneId(req)}-`, 'moved', (req, { direction }) =>
      lanes.move(actorId(req), municipalityId(req), journeyOf(req).id, laneId(req), direction)),
    remove: laneForm(EmptyFormSchema, (req) => `lane-${laneId(req)}-`, 'removed', (req) => lanes.remove(actorId(req), municipalityId(req), journeyOf(req).id, laneId(req))),
  };
}

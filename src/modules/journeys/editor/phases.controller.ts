// A journey's phases: add one (the form on the editor page), edit, move up or down, remove.
import type { Request, Response } from 'express';
import { ValidationError } from '../../../errors';
import { setFlash } from '../../../lib/flash';
import { handleForm, showFormAgain } from '../../../lib/form-handler';
import { EmptyFormSchema, parseForm } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import { MoveInputSchema, PhaseInputSchema } from '../journeys.schema';
import { actorId, editorPage, municipalityId, overview, type EditorPageDeps } from './editor-page';
import { journeyOf } from './load-journey';

export function phasesController(deps: EditorPageDeps) {
  const editor = deps.journeyEditor;
  const page = editorPage(deps);
  const phaseId = (req: Request) => idParam(req, 'phaseId');
  const phaseForm = (req: Request) => ({
    view: 'journeys/editor-phase',
    locals: { title: req.t('journeys.editor.phaseTitle'), phase: editor.getPhase(municipalityId(req), journeyOf(req).id, phaseId(req)) },
  });

  return {
    /**
     * The add-phase form shares the editor page with other forms, so its field ids carry a prefix (`phase-title`).
     * handleForm shows a form's errors and values under the schema's own field names, so this one form of the
     * editor is handled here: the same steps, with the prefix added before the page is shown again.
     */
    addPhase(req: Request, res: Response) {
      try {
        editor.addPhase(actorId(req), municipalityId(req), journeyOf(req).id, parseForm(PhaseInputSchema, req.body));
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return showFormAgain(req, res, new ValidationError(prefixed(err.fieldErrors, 'phase-'), prefixed(err.values, 'phase-')), page(req));
      }
      setFlash(res, 'phaseAdded');
      res.redirect(303, overview(req, undefined, 'phases'));
    },

    edit: {
      get(req: Request, res: Response) {
        const form = phaseForm(req);
        const { title, description } = form.locals.phase;
        res.render(form.view, { ...form.locals, values: { title, description }, errors: {} });
      },
      post: handleForm({
        schema: PhaseInputSchema,
        form: phaseForm,
        act: (req, input) => editor.updatePhase(actorId(req), municipalityId(req), journeyOf(req).id, phaseId(req), input),
        done: (req) => ({ to: overview(req), flash: 'saved' }),
      }),
    },

    move: handleForm({
      schema: MoveInputSchema,
      form: page,
      act: (req, { direction }) => editor.movePhase(actorId(req), municipalityId(req), journeyOf(req).id, phaseId(req), direction),
      done: (req) => ({ to: overview(req), flash: 'moved' }),
    }),

    remove: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.removePhase(actorId(req), municipalityId(req), journeyOf(req).id, phaseId(req)),
      done: (req) => ({ to: overview(req), flash: 'removed' }),
    }),
  };
}

/** Field names with the prefix their ids carry on the page (`_form` is the form's own message, never prefixed). */
function prefixed<T>(entries: Record<string, T>, prefix: string): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k === '_form' ? k : prefix + k, v]));
}

// A journey's phases: add one (the form on the editor page), edit, move up or down, remove.
import type { Request, Response } from 'express';
import { ValidationError } from '../../../errors';
import { setFlash, type Flash } from '../../../lib/flash';
import { handleForm, refusedAsJson, showFormAgain, wantsJson } from '../../../lib/form-handler';
import { EmptyFormSchema, keepableValues } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import { MoveInputSchema, PhaseInputSchema } from '../journeys.schema';
import { parsePhaseGrid, type PhaseGrid } from '../phase-grid.schema';
import { actorId, editorPage, municipalityId, overview, prefixed, type EditorPageDeps } from './editor-page';
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
    /** A new phase with its first steps (the empty grid at the end of the editor, #19.1). */
    addPhase: gridForm('new-', (req, grid) => {
      const id = editor.addPhaseWithSteps(actorId(req), municipalityId(req), journeyOf(req).id, grid);
      return { to: overview(req, undefined, `phase-${id}`), flash: 'phaseAdded' as const };
    }),

    /** A phase and all its steps saved at once; the designer stays at the phase. */
    grid: gridForm((req) => `p${phaseId(req)}-`, (req, grid) => {
      const stepIds = editor.savePhaseGrid(actorId(req), municipalityId(req), journeyOf(req).id, phaseId(req), grid);
      // The grid's script saves in the background and needs the new steps' ids for their columns.
      return { to: overview(req, undefined, `phase-${phaseId(req)}`), flash: 'saved' as const, stepIds };
    }),

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

    /** Removing a phase asks first, on its own page, naming the steps that go with it (#19.6). */
    confirmRemove(req: Request, res: Response) {
      const removal = editor.removal(municipalityId(req), journeyOf(req).id, { phaseId: phaseId(req) });
      res.render('journeys/remove-confirm', { title: req.t('journeys.remove.phaseTitle', { title: removal.phase!.title }), ...removal, errors: {}, values: {} });
    },

    remove: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.removePhase(actorId(req), municipalityId(req), journeyOf(req).id, phaseId(req)),
      done: (req) => ({ to: overview(req, undefined, 'phases'), flash: 'removed' }),
    }),

    restore: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.restorePhase(actorId(req), municipalityId(req), journeyOf(req).id, phaseId(req)),
      done: (req) => ({ to: overview(req, undefined, `phase-${phaseId(req)}`), flash: 'restored' }),
    }),
  };

  /**
   * A grid form (#19.1): parsed with its field prefix, acted on, and on a refusal the editor page again with each
   * message at its cell and everything typed kept.
   */
  function gridForm(prefix: string | ((req: Request) => string), act: (req: Request, grid: PhaseGrid) => { to: string; flash: Flash; stepIds?: number[] }) {
    return (req: Request, res: Response) => {
      const fieldPrefix = typeof prefix === 'string' ? prefix : prefix(req);
      try {
        const { to, flash, stepIds } = act(req, parsePhaseGrid(req.body, fieldPrefix));
        if (wantsJson(req)) return void res.json({ ok: true, to, stepIds });
        setFlash(res, flash);
        res.redirect(303, to);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        if (wantsJson(req)) return refusedAsJson(req, res, new ValidationError(prefixed(err.fieldErrors, fieldPrefix, true)));
        const values = Object.keys(err.values).length > 0 ? err.values : prefixed(keepableValues(req.body as Record<string, unknown>), fieldPrefix);
        showFormAgain(req, res, new ValidationError(prefixed(err.fieldErrors, fieldPrefix, true), values), page(req));
      }
    };
  }
}

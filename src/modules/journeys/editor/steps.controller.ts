// A journey's steps: add one to a phase, edit (also moving it to another phase), move up or down, remove, or merge
// into another step (what a step with residents' feedback takes instead of removal).
import type { Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { EmptyFormSchema } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import type { DepartmentsService } from '../../departments/departments.service';
import type { PhaseRow, StepRow } from '../journeys.repository';
import { MergeStepInputSchema, MoveInputSchema, StepInputSchema, StepPlaceInputSchema, StepToPhaseInputSchema, StepUpdateInputSchema } from '../journeys.schema';
import { actorId, editorPage, municipalityId, overview, VOCABULARY, type EditorPageDeps } from './editor-page';
import { journeyOf } from './load-journey';

export function stepsController(deps: EditorPageDeps & { departments: Pick<DepartmentsService, 'list'> }) {
  const { journeyEditor: editor, departments } = deps;
  const page = editorPage(deps);
  const stepId = (req: Request) => idParam(req, 'stepId');
  /** Back on the editor at the step's column, so the designer stays where they were. */
  const atStep = (req: Request, id: number) => overview(req, undefined, `steg-${id}`);
  /** The step form: new in a phase (phase set, step null) or editing a step (step set, phase null). */
  const stepForm = (req: Request, title: string, which: { phase: PhaseRow | null; step: StepRow | null }) => ({
    view: 'journeys/editor-step',
    locals: {
      title: req.t(title),
      ...which,
      phases: editor.draftSnapshot(journeyOf(req)).phases,
      departments: departments.list(municipalityId(req)),
      ...VOCABULARY,
    },
  });
  const newForm = (req: Request) =>
    stepForm(req, 'journeys.editor.newStepTitle', { phase: editor.getPhase(municipalityId(req), journeyOf(req).id, idParam(req, 'phaseId')), step: null });
  const editForm = (req: Request) =>
    stepForm(req, 'journeys.editor.stepTitle', { phase: null, step: editor.getStep(municipalityId(req), journeyOf(req).id, stepId(req)) });

  return {
    create: {
      get(req: Request, res: Response) {
        const form = newForm(req);
        res.render(form.view, { ...form.locals, values: { channel: 'digital', emotion: '0', departmentId: '' }, errors: {} });
      },
      post: handleForm({
        schema: StepInputSchema,
        form: newForm,
        act: (req, input) => editor.addStep(actorId(req), municipalityId(req), journeyOf(req).id, idParam(req, 'phaseId'), input),
        done: (req) => ({ to: overview(req), flash: 'stepAdded' }),
      }),
    },

    edit: {
      get(req: Request, res: Response) {
        const form = editForm(req);
        const step = form.locals.step!;
        const involved = form.locals.phases.flatMap((p) => p.steps).find((s) => s.id === step.id)?.involved ?? [];
        res.render(form.view, { ...form.locals, values: stepValues(step, involved.map((d) => d.id)), errors: {} });
      },
      post: handleForm({
        schema: StepUpdateInputSchema,
        form: editForm,
        act: (req, input) => editor.updateStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), input),
        done: (req) => ({ to: atStep(req, stepId(req)), flash: 'saved' }),
      }),
    },

    move: handleForm({
      schema: MoveInputSchema,
      form: page,
      act: (req, { direction }) => editor.moveStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), direction),
      done: (req) => ({ to: atStep(req, stepId(req)), flash: 'moved' }),
    }),

    /** A blank step right after this one, named so the designer finds it in the grid (#19.1). */
    addAfter: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.addStepAfter(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), { title: req.t('journeys.grid.newStepTitle') }),
      done: (req, id) => ({ to: atStep(req, id), flash: 'stepAdded' }),
    }),

    duplicate: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.addStepAfter(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), { duplicate: true }),
      done: (req, id) => ({ to: atStep(req, id), flash: 'stepDuplicated' }),
    }),

    /** Put at a place in a phase: what dragging a column, or a keyboard move, sends (#19.1). */
    place: handleForm({
      schema: StepPlaceInputSchema,
      form: page,
      act: (req, { phaseId, index }) => editor.placeStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), phaseId, index),
      done: (req) => ({ to: atStep(req, stepId(req)), flash: 'moved' }),
    }),

    toPhase: handleForm({
      schema: StepToPhaseInputSchema,
      form: page,
      act: (req, { phaseId }) => editor.moveStepToPhase(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), phaseId),
      done: (req) => ({ to: atStep(req, stepId(req)), flash: 'moved' }),
    }),

    /** Removing a step with content asks first, on its own page (#19.6). */
    confirmRemove(req: Request, res: Response) {
      const removal = editor.removal(municipalityId(req), journeyOf(req).id, { stepId: stepId(req) });
      res.render('journeys/remove-confirm', { title: req.t('journeys.remove.stepTitle', { title: removal.steps[0]!.title }), ...removal, errors: {}, values: {} });
    },

    restore: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.restoreStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req)),
      done: (req) => ({ to: atStep(req, stepId(req)), flash: 'restored' }),
    }),

    remove: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.removeStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req)),
      done: (req) => ({ to: overview(req, undefined, 'phases'), flash: 'removed' }),
    }),

    merge: handleForm({
      schema: MergeStepInputSchema,
      form: page,
      act: (req, { targetStepId }) => editor.mergeStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), targetStepId),
      done: (req) => ({ to: overview(req), flash: 'stepsMerged' }),
    }),
  };
}

/** The step form filled from the step and the departments involved in it. */
function stepValues(s: StepRow, involved: readonly number[]) {
  return {
    title: s.title,
    residentAction: s.resident_action,
    touchpoint: s.touchpoint,
    channel: s.channel,
    departmentId: s.department_id === null ? '' : String(s.department_id),
    involvedIds: involved.map(String),
    backstage: s.backstage,
    systems: s.systems,
    emotion: String(s.emotion),
    duration: s.duration,
    phaseId: String(s.phase_id),
  };
}

// A journey's steps: add one to a phase, edit (also moving it to another phase), move up or down, remove, or merge
// into another step (what a step with residents' feedback takes instead of removal).
import type { Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { EmptyFormSchema } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import type { DepartmentsService } from '../../departments/departments.service';
import type { PhaseRow, StepRow } from '../journeys.repository';
import { MergeStepInputSchema, MoveInputSchema, StepInputSchema, StepUpdateInputSchema } from '../journeys.schema';
import { actorId, editorPage, municipalityId, overview, VOCABULARY, type EditorPageDeps } from './editor-page';
import { journeyOf } from './load-journey';

export function stepsController(deps: EditorPageDeps & { departments: Pick<DepartmentsService, 'list'> }) {
  const { journeyEditor: editor, departments } = deps;
  const page = editorPage(deps);
  const stepId = (req: Request) => idParam(req, 'stepId');
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
        done: (req) => ({ to: overview(req), flash: 'saved' }),
      }),
    },

    move: handleForm({
      schema: MoveInputSchema,
      form: page,
      act: (req, { direction }) => editor.moveStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), direction),
      done: (req) => ({ to: overview(req), flash: 'moved' }),
    }),

    remove: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.removeStep(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req)),
      done: (req) => ({ to: overview(req), flash: 'removed' }),
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

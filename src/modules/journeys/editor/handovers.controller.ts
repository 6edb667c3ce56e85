// A step's handover (#19.2): the form to state, change or remove the handover into it, with the editor's suggestion.
import type { Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { EmptyFormSchema } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import type { DepartmentsService } from '../../departments/departments.service';
import type { HandoversService } from '../handovers.service';
import { HandoverInputSchema } from '../handovers.schema';
import { HANDOVER_KINDS } from '../journey-vocabulary';
import { actorId, municipalityId, overview } from './editor-page';
import { journeyOf } from './load-journey';

export function handoversController({ handovers, departments }: { handovers: HandoversService; departments: Pick<DepartmentsService, 'list'> }) {
  const stepId = (req: Request) => idParam(req, 'stepId');
  const form = (req: Request) => {
    const here = handovers.ofStep(municipalityId(req), journeyOf(req).id, stepId(req));
    return {
      view: 'journeys/editor-handover',
      locals: { title: req.t('journeys.handover.title', { step: here.step.title }), ...here, departments: departments.list(municipalityId(req)), kinds: HANDOVER_KINDS },
    };
  };
  /** Back to the step's row on the editor overview, so the designer stays where they were. */
  const back = (req: Request) => overview(req, journeyOf(req).id, `steg-${stepId(req)}`);

  return {
    get(req: Request, res: Response) {
      const { view, locals } = form(req);
      // A stated handover as it is; otherwise the suggestion, or the step before and this step's departments.
      const from = locals.stated?.from ?? locals.suggestion?.from ?? locals.before?.department ?? null;
      const to = locals.stated?.to ?? locals.suggestion?.to ?? locals.step.department_id ?? null;
      const values = {
        fromDepartmentId: from ? String(typeof from === 'number' ? from : from.id) : '',
        toDepartmentId: to ? String(typeof to === 'number' ? to : to.id) : '',
        what: locals.stated?.what ?? '',
        note: locals.stated?.note ?? '',
      };
      res.render(view, { ...locals, values, errors: {} });
    },
    post: handleForm({
      schema: HandoverInputSchema,
      form,
      act: (req, input) => handovers.state(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req), input),
      done: (req) => ({ to: back(req), flash: 'handoverStated' }),
    }),
    remove: handleForm({
      schema: EmptyFormSchema,
      form,
      act: (req) => handovers.remove(actorId(req), municipalityId(req), journeyOf(req).id, stepId(req)),
      done: (req) => ({ to: back(req), flash: 'handoverRemoved' }),
    }),
  };
}

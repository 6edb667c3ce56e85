// The journey editor for designers: details, phases, steps, publishing, versions, export, import and copy.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { parseForm, parseQuery } from '../../lib/forms';
import { firstUnsafePath } from '../../lib/text-safety';
import { idParam } from '../../lib/params';
import { renderFormError } from '../../lib/render-form';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { JourneyDocumentSchema } from './journey-document.schema';
import { stepsInOrder } from './journey-snapshot';
import { CHANNELS, EMOTIONS, LIFE_EVENTS } from './journey-vocabulary';
import type { JourneyRow, StepRow } from './journeys.repository';
import {
  DiffQuerySchema,
  ImportInputSchema,
  JourneyDetailsInputSchema,
  MergeStepInputSchema,
  MoveInputSchema,
  PhaseInputSchema,
  StepInputSchema,
  StepUpdateInputSchema,
} from './journeys.schema';
import { EmptyFormSchema } from '../accounts/accounts.schema';

export function journeyEditorController({ journeyEditor: editor, departments }: Services) {
  const m = (req: Request) => req.municipality!;
  const actor = (req: Request) => req.user!.id;
  const journeyId = (req: Request) => idParam(req, 'journeyId');
  const list = (req: Request) => paths.admin.journeys.index({ municipality: m(req).slug });
  /** The editor overview of a journey, with what a redirect announces (?done=…) and where on the page to land. */
  const overview = (req: Request, id: number, done?: string, hash?: string) => paths.admin.journeys.show({ municipality: m(req).slug, journeyId: id }, { done }, hash);
  const editDetails = (req: Request, id: number) => paths.admin.journeys.edit({ municipality: m(req).slug, journeyId: id });
  const vocabulary = { lifeEvents: LIFE_EVENTS, channels: CHANNELS, emotions: EMOTIONS };

  const detailsValues = (j: JourneyRow) => ({
    title: j.title,
    slug: j.slug,
    lifeEvent: j.life_event,
    persona: j.persona,
    scenario: j.scenario,
    trigger: j.trigger_text,
    outcome: j.outcome,
    summary: j.summary,
  });

  const stepValues = (s: StepRow) => ({
    title: s.title,
    residentAction: s.resident_action,
    touchpoint: s.touchpoint,
    channel: s.channel,
    departmentId: s.department_id === null ? '' : String(s.department_id),
    backstage: s.backstage,
    systems: s.systems,
    emotion: String(s.emotion),
    duration: s.duration,
    phaseId: String(s.phase_id),
  });

  /** The editor overview, also used to show a refused action (move beyond the end, empty publish) with 400. */
  const renderEditor = (
    req: Request,
    res: Response,
    errors: Record<string, string> = {},
    status = 200,
    values: Record<string, unknown> = {},
  ) => {
    const journey = editor.get(m(req).id, journeyId(req));
    const draft = editor.draftSnapshot(journey);
    res.status(status).render('journeys/editor', {
      title: journey.title,
      journey,
      draft,
      steps: stepsInOrder(draft),
      hasUnpublishedChanges: editor.hasUnpublishedChanges(journey, draft),
      versions: editor.versions(m(req).id, journey.id),
      errors,
      values,
      notice: DONE_NOTICES.find((n) => n === req.query.done) ?? null,
    });
  };

  /** Runs a button action; a refused one re-renders the editor with its message. */
  const action = (work: (req: Request) => void, done: string) => (req: Request, res: Response) => {
    try {
      work(req);
    } catch (err) {
      if (err instanceof ValidationError) return renderEditor(req, res, err.fieldErrors, 400);
      throw err;
    }
    res.redirect(303, overview(req, journeyId(req), done));
  };

  const stepFormLocals = (req: Request, extra: Record<string, unknown>) => {
    const journey = editor.get(m(req).id, journeyId(req));
    return {
      journey,
      phases: editor.draftSnapshot(journey).phases,
      departments: departments.list(m(req).id),
      ...vocabulary,
      ...extra,
    };
  };

  return {
    list(req: Request, res: Response) {
      res.render('journeys/editor-list', { title: req.t('journeys.editor.listTitle'), journeys: editor.list(m(req).id) });
    },

    create: {
      get(req: Request, res: Response) {
        res.render('journeys/editor-details', {
          title: req.t('journeys.editor.newTitle'),
          action: list(req),
          journey: null,
          values: { lifeEvent: 'annet' },
          errors: {},
          ...vocabulary,
        });
      },
      post(req: Request, res: Response) {
        try {
          const input = parseForm(JourneyDetailsInputSchema, req.body);
          const id = editor.create(actor(req), m(req).id, input);
          res.redirect(303, overview(req, id));
        } catch (err) {
          renderFormError(res, err, 'journeys/editor-details', {
            title: req.t('journeys.editor.newTitle'),
            action: list(req),
            journey: null,
            ...vocabulary,
          });
        }
      },
    },

    show(req: Request, res: Response) {
      renderEditor(req, res);
    },

    details: {
      get(req: Request, res: Response) {
        const journey = editor.get(m(req).id, journeyId(req));
        res.render('journeys/editor-details', {
          title: req.t('journeys.editor.detailsTitle'),
          action: editDetails(req, journey.id),
          journey,
          values: detailsValues(journey),
          errors: {},
          ...vocabulary,
        });
      },
      post(req: Request, res: Response) {
        const journey = editor.get(m(req).id, journeyId(req));
        try {
          editor.updateDetails(actor(req), m(req).id, journey.id, parseForm(JourneyDetailsInputSchema, req.body));
          res.redirect(303, overview(req, journey.id, 'saved'));
        } catch (err) {
          renderFormError(res, err, 'journeys/editor-details', {
            title: req.t('journeys.editor.detailsTitle'),
            action: editDetails(req, journey.id),
            journey,
            ...vocabulary,
          });
        }
      },
    },

    addPhase(req: Request, res: Response) {
      try {
        const input = parseForm(PhaseInputSchema, req.body);
        editor.addPhase(actor(req), m(req).id, journeyId(req), input);
      } catch (err) {
        if (err instanceof ValidationError) {
          return renderEditor(req, res, prefixed(err.fieldErrors, 'phase-'), 400, prefixed(err.values, 'phase-'));
        }
        throw err;
      }
      res.redirect(303, overview(req, journeyId(req), 'phaseAdded', 'phases'));
    },

    phase: {
      get(req: Request, res: Response) {
        const phase = editor.getPhase(m(req).id, journeyId(req), idParam(req, 'phaseId'));
        res.render('journeys/editor-phase', {
          title: req.t('journeys.editor.phaseTitle'),
          journey: editor.get(m(req).id, journeyId(req)),
          phase,
          values: { title: phase.title, description: phase.description },
          errors: {},
        });
      },
      post(req: Request, res: Response) {
        const phase = editor.getPhase(m(req).id, journeyId(req), idParam(req, 'phaseId'));
        try {
          editor.updatePhase(actor(req), m(req).id, journeyId(req), phase.id, parseForm(PhaseInputSchema, req.body));
          res.redirect(303, overview(req, journeyId(req), 'saved'));
        } catch (err) {
          renderFormError(res, err, 'journeys/editor-phase', {
            title: req.t('journeys.editor.phaseTitle'),
            journey: editor.get(m(req).id, journeyId(req)),
            phase,
          });
        }
      },
    },

    movePhase: action((req) => {
      const { direction } = parseForm(MoveInputSchema, req.body);
      editor.movePhase(actor(req), m(req).id, journeyId(req), idParam(req, 'phaseId'), direction);
    }, 'moved'),

    removePhase: action((req) => {
      parseForm(EmptyFormSchema, req.body);
      editor.removePhase(actor(req), m(req).id, journeyId(req), idParam(req, 'phaseId'));
    }, 'removed'),

    newStep: {
      get(req: Request, res: Response) {
        const phase = editor.getPhase(m(req).id, journeyId(req), idParam(req, 'phaseId'));
        res.render(
          'journeys/editor-step',
          stepFormLocals(req, { title: req.t('journeys.editor.newStepTitle'), phase, step: null, values: { channel: 'digital', emotion: '0', departmentId: '' }, errors: {} }),
        );
      },
      post(req: Request, res: Response) {
        const phase = editor.getPhase(m(req).id, journeyId(req), idParam(req, 'phaseId'));
        try {
          const input = parseForm(StepInputSchema, req.body);
          editor.addStep(actor(req), m(req).id, journeyId(req), phase.id, input);
          res.redirect(303, overview(req, journeyId(req), 'stepAdded'));
        } catch (err) {
          renderFormError(res, err, 'journeys/editor-step', stepFormLocals(req, { title: req.t('journeys.editor.newStepTitle'), phase, step: null }));
        }
      },
    },

    step: {
      get(req: Request, res: Response) {
        const step = editor.getStep(m(req).id, journeyId(req), idParam(req, 'stepId'));
        res.render(
          'journeys/editor-step',
          stepFormLocals(req, { title: req.t('journeys.editor.stepTitle'), phase: null, step, values: stepValues(step), errors: {} }),
        );
      },
      post(req: Request, res: Response) {
        const step = editor.getStep(m(req).id, journeyId(req), idParam(req, 'stepId'));
        try {
          const input = parseForm(StepUpdateInputSchema, req.body);
          editor.updateStep(actor(req), m(req).id, journeyId(req), step.id, input);
          res.redirect(303, overview(req, journeyId(req), 'saved'));
        } catch (err) {
          renderFormError(res, err, 'journeys/editor-step', stepFormLocals(req, { title: req.t('journeys.editor.stepTitle'), phase: null, step }));
        }
      },
    },

    moveStep: action((req) => {
      const { direction } = parseForm(MoveInputSchema, req.body);
      editor.moveStep(actor(req), m(req).id, journeyId(req), idParam(req, 'stepId'), direction);
    }, 'moved'),

    mergeStep: action((req) => {
      let targetStepId: number;
      try {
        ({ targetStepId } = parseForm(MergeStepInputSchema, req.body));
      } catch (err) {
        // Shown on the editor page, where the step's own form is not: a message without a field to link to.
        throw err instanceof ValidationError ? new ValidationError({ _form: 'validation.mergeTarget' }) : err;
      }
      editor.mergeStep(actor(req), m(req).id, journeyId(req), idParam(req, 'stepId'), targetStepId);
    }, 'merged'),

    removeStep: action((req) => {
      parseForm(EmptyFormSchema, req.body);
      editor.removeStep(actor(req), m(req).id, journeyId(req), idParam(req, 'stepId'));
    }, 'removed'),

    publish: action((req) => {
      parseForm(EmptyFormSchema, req.body);
      editor.publish(actor(req), m(req).id, journeyId(req));
    }, 'published'),

    archive: action((req) => {
      parseForm(EmptyFormSchema, req.body);
      editor.archive(actor(req), m(req).id, journeyId(req));
    }, 'archived'),

    restore: action((req) => {
      parseForm(EmptyFormSchema, req.body);
      editor.restore(actor(req), m(req).id, journeyId(req));
    }, 'restored'),

    preview(req: Request, res: Response) {
      const journey = editor.get(m(req).id, journeyId(req));
      const snapshot = editor.draftSnapshot(journey);
      const steps = stepsInOrder(snapshot);
      res.render('journeys/map', {
        title: req.t('journeys.editor.previewTitle', { title: journey.title }),
        preview: true,
        map: { journeyId: journey.id, slug: journey.slug, version: 0, publishedAt: '', snapshot, steps, handovers: steps.filter((s) => s.handoverFrom).length },
        journeyParams: null,
        pain: new Map(),
        journeyPainPoints: [],
        flagged: false,
        severities: [],
      });
    },

    versions(req: Request, res: Response) {
      const journey = editor.get(m(req).id, journeyId(req));
      res.render('journeys/editor-versions', {
        title: req.t('journeys.editor.versionsTitle'),
        journey,
        versions: editor.versions(m(req).id, journey.id),
      });
    },

    diff(req: Request, res: Response) {
      const journey = editor.get(m(req).id, journeyId(req));
      const query = parseQuery(DiffQuerySchema, req.query);
      const result = editor.diff(m(req).id, journey.id, query.from, query.to);
      res.render('journeys/editor-diff', { title: req.t('journeys.editor.diffTitle'), journey, ...result });
    },

    exportJson(req: Request, res: Response) {
      const journey = editor.get(m(req).id, journeyId(req));
      const doc = editor.exportDocument(actor(req), m(req).id, journey.id);
      res.attachment(`${m(req).slug}-${journey.slug}.reisekart.json`);
      res.type('application/json').send(JSON.stringify(doc, null, 2));
    },

    importDocument: {
      get(req: Request, res: Response) {
        res.render('journeys/editor-import', { title: req.t('journeys.editor.importTitle'), values: {}, errors: {} });
      },
      post(req: Request, res: Response) {
        const locals = { title: req.t('journeys.editor.importTitle') };
        try {
          const { document } = parseForm(ImportInputSchema, req.body);
          const doc = parseJourneyDocument(document);
          const id = editor.importDocument(actor(req), m(req).id, doc);
          res.redirect(303, overview(req, id, 'imported'));
        } catch (err) {
          // Large pasted documents are not echoed back; the person still has their file.
          if (err instanceof ValidationError) err.values.document = '';
          renderFormError(res, err, 'journeys/editor-import', locals);
        }
      },
    },

    copy: {
      get(req: Request, res: Response) {
        res.render('journeys/editor-copy', { title: req.t('journeys.editor.copyTitle'), candidates: editor.copyCandidates(m(req).id) });
      },
      post(req: Request, res: Response) {
        parseForm(EmptyFormSchema, req.body);
        const id = editor.copyFrom(actor(req), m(req).id, idParam(req, 'sourceId'));
        res.redirect(303, overview(req, id, 'copied'));
      },
    },
  };
}

/** What a redirect back to the editor may announce (?done=…); anything else is ignored. */
const DONE_NOTICES = ['saved', 'phaseAdded', 'stepAdded', 'moved', 'removed', 'merged', 'published', 'archived', 'restored', 'imported', 'copied'] as const;

/** The add-phase form shares the editor page, so its field ids carry a prefix. */
function prefixed<T>(entries: Record<string, T>, prefix: string): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k === '_form' ? k : prefix + k, v]));
}

/** JSON text -> a validated journey document, or a ValidationError naming what is wrong. */
function parseJourneyDocument(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError({ document: 'validation.importNotJson' });
  }
  const unsafe = firstUnsafePath(json);
  if (unsafe !== null) throw new ValidationError({ document: 'validation.importInvalidCharacters' }, { importProblem: unsafe });
  const result = JourneyDocumentSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const wrongFormat = issue.path[0] === 'format' || issue.path[0] === 'formatVersion';
    throw new ValidationError({ document: wrongFormat ? 'validation.importWrongFormat' : 'validation.importInvalid' }, {
      importProblem: issue.path.join('.'),
    });
  }
  return result.data;
}

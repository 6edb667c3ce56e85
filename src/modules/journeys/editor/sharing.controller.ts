// Sharing journeys between municipalities: export as a JSON document, import one, or copy a journey another
// municipality has published. Imports and copies become new drafts.
import type { Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { EmptyFormSchema } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import { parseJourneyDocument } from '../journey-document.schema';
import type { JourneyEditorService } from '../journey-editor.service';
import { ImportInputSchema } from '../journeys.schema';
import { actorId, municipalityId, overview } from './editor-page';
import { journeyOf } from './load-journey';

export function sharingController({ journeyEditor: editor }: { journeyEditor: JourneyEditorService }) {
  const importForm = (req: Request) => ({ view: 'journeys/editor-import', locals: { title: req.t('journeys.editor.importTitle') } });
  const copyForm = (req: Request) => ({
    view: 'journeys/editor-copy',
    locals: { title: req.t('journeys.editor.copyTitle'), candidates: editor.copyCandidates(municipalityId(req)) },
  });

  return {
    exportJson(req: Request, res: Response) {
      const journey = journeyOf(req);
      const doc = editor.exportDocument(actorId(req), municipalityId(req), journey.id);
      res.attachment(`${req.municipality!.slug}-${journey.slug}.reisekart.json`);
      res.type('application/json').send(JSON.stringify(doc, null, 2));
    },

    importDocument: {
      get(req: Request, res: Response) {
        const form = importForm(req);
        res.render(form.view, { ...form.locals, values: {}, errors: {} });
      },
      post: handleForm({
        schema: ImportInputSchema,
        form: importForm,
        act: (req, { document }) => editor.importDocument(actorId(req), municipalityId(req), parseJourneyDocument(document)),
        done: (req, journeyId) => ({ to: overview(req, journeyId), flash: 'imported' }),
        // Large pasted documents are not echoed back; the person still has their file.
        forget: ['document'],
      }),
    },

    copy: {
      get(req: Request, res: Response) {
        const form = copyForm(req);
        res.render(form.view, { ...form.locals, values: {}, errors: {} });
      },
      post: handleForm({
        schema: EmptyFormSchema,
        form: copyForm,
        act: (req) => editor.copyFrom(actorId(req), municipalityId(req), idParam(req, 'sourceId')),
        done: (req, journeyId) => ({ to: overview(req, journeyId), flash: 'copied' }),
      }),
    },
  };
}

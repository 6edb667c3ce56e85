// Residents' pages of "your contributions on another device" (#20.4): the form asking for a sign-in link, its answer
// (the same whether or not the address is known, so it tells no one which addresses follow anything), and the link's
// page: GET shows a button, because mail scanners open links; only the button's POST uses the link.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { showFormAgain } from '../../lib/form-handler';
import { parseForm } from '../../lib/forms';
import { isLocale, type Locale } from '../../lib/i18n';
import { paths } from '../../paths';
import type { FeedbackService } from '../feedback/feedback.service';
import type { DeviceLinksService } from './device-links.service';
import { DeviceLinkInputSchema } from './device-links.schema';
import { LinkGone } from './follows.service';
import { ButtonOnlySchema } from './notices.schema';

export interface DeviceLinksDeps {
  deviceLinks: DeviceLinksService;
  feedback: Pick<FeedbackService, 'joinBrowser'>;
}

export function deviceLinksController({ deviceLinks, feedback }: DeviceLinksDeps) {
  const token = (req: Request) => String(req.params.deviceToken);
  const language = (req: Request): Locale => (isLocale(req.language) ? req.language : 'nb');
  const mineLink = (req: Request) => ({ href: paths.mine(), text: req.t('notices.device.toMine') });

  const message = (req: Request, res: Response, key: string, status = 200) => {
    res.status(status).render('notices/message', { title: req.t(`notices.device.${key}.title`), paragraphs: [req.t(`notices.device.${key}.body`)], link: mineLink(req) });
  };
  const form = (req: Request) => ({ view: 'notices/device-request', locals: { title: req.t('notices.device.request.title'), action: paths.device.request() } });
  /** A used, expired or unknown link: a clear 410 page, never an error page with a stack. */
  const withLink = (work: (req: Request, res: Response) => void) => (req: Request, res: Response) => {
    try {
      work(req, res);
    } catch (err) {
      if (err instanceof LinkGone) return message(req, res, 'gone', 410);
      throw err;
    }
  };

  return {
    request: {
      get(req: Request, res: Response) {
        const { view, locals } = form(req);
        res.render(view, locals);
      },
      post(req: Request, res: Response) {
        let input;
        try {
          input = parseForm(DeviceLinkInputSchema, req.body);
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          return showFormAgain(req, res, err, form(req));
        }
        if (!input.website) deviceLinks.request(input.email, language(req));
        message(req, res, 'requested');
      },
    },
    join: {
      get: withLink((req, res) => {
        deviceLinks.check(token(req));
        res.render('notices/device-join', { title: req.t('notices.device.join.title'), action: paths.device.join({ deviceToken: token(req) }) });
      }),
      post: withLink((req, res) => {
        parseForm(ButtonOnlySchema, req.body ?? {});
        const key = req.newParticipantKey!();
        deviceLinks.use(token(req), (participantId) => feedback.joinBrowser(key.keyHash, participantId));
        key.give();
        message(req, res, 'joined');
      }),
    },
  };
}

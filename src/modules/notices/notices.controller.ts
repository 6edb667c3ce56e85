// Residents' pages of following by e-mail (#20.1): the follow forms' answers, the confirmation, unsubscribing (the
// page and RFC 8058's one-click POST) and an address's own page of its follows. Every answer here is the visitor's own
// (private, never kept): the shared pages only hold the follow form, the same for everyone.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { showFormAgain } from '../../lib/form-handler';
import { parseForm } from '../../lib/forms';
import { setFlash } from '../../lib/flash';
import { isLocale, type Locale } from '../../lib/i18n';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import type { FeedbackService } from '../feedback/feedback.service';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import { LinkGone, type FollowsService, type TargetInfo } from './follows.service';
import { ButtonOnlySchema, FOLLOW_MODES, FollowInputSchema, ModeInputSchema } from './notices.schema';

export interface NoticesDeps {
  follows: FollowsService;
  feedback: Pick<FeedbackService, 'visible' | 'participantId'>;
  publicJourneys: Pick<PublicJourneysService, 'map'>;
}

export function noticesController({ follows, feedback, publicJourneys }: NoticesDeps) {
  const m = (req: Request) => req.municipality!;
  const participant = (req: Request) => feedback.participantId(req.participantKey ?? null);
  const confirmToken = (req: Request) => String(req.params.confirmToken);
  const unsubscribeToken = (req: Request) => String(req.params.unsubscribeToken);
  const manageToken = (req: Request) => String(req.params.manageToken);
  const language = (req: Request): Locale => (isLocale(req.language) ? req.language : 'nb');

  /** A page with a heading, a few sentences and perhaps a link: the answers of this module's forms and links. */
  const message = (req: Request, res: Response, key: string, options: { status?: number; link?: { href: string; text: string }; values?: Record<string, string> } = {}) => {
    res.status(options.status ?? 200).render('notices/message', {
      title: req.t(`notices.${key}.title`),
      paragraphs: [req.t(`notices.${key}.body`, options.values ?? {})],
      link: options.link ?? null,
    });
  };
  const gone = (req: Request, res: Response) => message(req, res, 'gone', { status: 410 });

  /** Runs a link's work; a used, expired or foreign link is the "gone" page (410), never an error page with a stack. */
  const withLink = (work: (req: Request, res: Response) => void) => (req: Request, res: Response) => {
    try {
      work(req, res);
    } catch (err) {
      if (err instanceof LinkGone) return gone(req, res);
      throw err;
    }
  };

  const painPointTarget = (req: Request): TargetInfo => {
    // A resident may follow what they can see: a published report, or their own while it waits for a moderator.
    const p = feedback.visible(m(req).id, idParam(req, 'painPointId'), participant(req));
    return { target: { painPointId: p.id }, title: p.title, path: paths.painPoint({ municipality: m(req).slug, painPointId: p.id }) };
  };
  const journeyTarget = (req: Request): TargetInfo => {
    const map = publicJourneys.map(m(req).id, String(req.params.journey));
    return { target: { journeyId: map.journeyId }, title: map.snapshot.journey.title, path: paths.journey({ municipality: m(req).slug, journey: map.slug }) };
  };

  /** The follow form's POST: "check your inbox", whatever the address follows already; a refused form comes back whole. */
  const follow = (target: (req: Request) => TargetInfo) => (req: Request, res: Response) => {
    const about = target(req);
    let input;
    try {
      input = parseForm(FollowInputSchema, req.body);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return showFormAgain(req, res, err, { view: 'notices/follow', locals: { title: req.t('notices.follow.pageTitle', { title: about.title }), about, action: req.originalUrl.split('?')[0], modes: FOLLOW_MODES } });
    }
    if (!input.website) follows.request({ email: input.email, mode: input.mode, language: language(req), about, participantId: participant(req) });
    message(req, res, 'checkInbox', { link: { href: about.path, text: req.t('notices.backTo', { title: about.title }) } });
  };

  const manageLink = (req: Request, token: string) => ({ href: paths.follow.manage({ manageToken: token }), text: req.t('notices.manage.link') });

  /**
   * The address a follow form posts to, opened with GET (the language links of its answer page point here): the page
   * the form sits on, at the form, in the language asked for.
   */
  const toForm = (target: (req: Request) => TargetInfo) => (req: Request, res: Response) => {
    const lang = typeof req.query.lang === 'string' && isLocale(req.query.lang) ? `?lang=${req.query.lang}` : '';
    res.redirect(303, `${target(req).path}${lang}#follow-heading`);
  };

  return {
    followPainPoint: follow(painPointTarget),
    followJourney: follow(journeyTarget),
    painPointForm: toForm(painPointTarget),
    journeyForm: toForm(journeyTarget),

    confirm: {
      get: withLink((req, res) => {
        const request = follows.pendingRequest(confirmToken(req));
        const about = follows.about(request);
        if (!about) return gone(req, res);
        res.render('notices/confirm', { title: req.t('notices.confirm.title'), about, mode: request.mode, action: paths.follow.confirm({ confirmToken: confirmToken(req) }) });
      }),
      post: withLink((req, res) => {
        parseForm(ButtonOnlySchema, req.body ?? {});
        const confirmed = follows.confirm(confirmToken(req));
        message(req, res, 'confirmed', { link: manageLink(req, confirmed.manageToken) });
      }),
    },

    unsubscribe: {
      get: withLink((req, res) => {
        const subject = follows.unsubscribeSubject(unsubscribeToken(req));
        if (!subject) return message(req, res, 'unsubscribed');
        res.render('notices/unsubscribe', { title: req.t('notices.unsubscribe.title'), subject, action: paths.follow.unsubscribe({ unsubscribeToken: unsubscribeToken(req) }) });
      }),
      /**
       * RFC 8058's one-click POST comes from the mail provider, with `List-Unsubscribe=One-Click` in a body that may be
       * multipart (not parsed here): the signed link is the whole request, so the body is not read. The page's button
       * posts to the same address.
       */
      post: withLink((req, res) => {
        follows.unsubscribe(unsubscribeToken(req));
        message(req, res, 'unsubscribed');
      }),
    },

    manage: withLink((req, res) => {
      const { follows: list } = follows.manage(manageToken(req));
      const items = list.map((f) => ({
        ...f,
        href: f.pain_point_id !== null ? paths.painPoint({ municipality: f.municipality_slug, painPointId: f.pain_point_id }) : paths.journey({ municipality: f.municipality_slug, journey: f.journey_slug! }),
      }));
      res.render('notices/manage', { title: req.t('notices.manage.title'), items, manageToken: manageToken(req), modes: FOLLOW_MODES });
    }),

    setMode: withLink((req, res) => {
      let input;
      try {
        input = parseForm(ModeInputSchema, req.body);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return message(req, res, 'badChoice', { status: 400, link: { href: paths.follow.manage({ manageToken: manageToken(req) }), text: req.t('notices.manage.link') } });
      }
      follows.setMode(manageToken(req), idParam(req, 'followId'), input.mode);
      setFlash(res, 'followModeSaved');
      res.redirect(303, paths.follow.manage({ manageToken: manageToken(req) }));
    }),

    remove: withLink((req, res) => {
      parseForm(ButtonOnlySchema, req.body ?? {});
      if (follows.removeFollow(manageToken(req), idParam(req, 'followId'))) return message(req, res, 'allDeleted');
      setFlash(res, 'followRemoved');
      res.redirect(303, paths.follow.manage({ manageToken: manageToken(req) }));
    }),

    deleteAll: withLink((req, res) => {
      parseForm(ButtonOnlySchema, req.body ?? {});
      follows.deleteAddress(manageToken(req));
      message(req, res, 'allDeleted');
    }),
  };
}

// An invitation's single-use link (#21.2), /admin/konto/invitasjon/:token, open without signing in. For an address
// with no account, the person chooses their own password and the account is made with the invited roles; for an
// existing account, its holder signs in (and comes back here) and accepts or declines. A used, withdrawn, expired or
// unknown link answers 410 with a page that says to ask the admin for a new invitation.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { paths } from '../../paths';
import { signIn } from '../sign-in/session.helpers';
import { InvitationAnswerSchema, InvitationPasswordSchema } from './staff.schema';
import { InvitationGone, type StaffService } from './staff.service';

/** A link that does not work (any more) gets its own 410 page: what happened, and to ask the admin for a new one. */
function goneAsPage(handler: RequestHandler): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await handler(req, res, next);
    } catch (err) {
      if (!(err instanceof InvitationGone)) throw err;
      res.status(410).render('errors/error', { title: req.t('invitations.gone.title'), message: req.t('invitations.gone.body') });
    }
  };
}

export function invitationLinkController({ staff }: { staff: StaffService }) {
  const tokenOf = (req: Request) => String(req.params.invitationToken);
  const page = (req: Request) => {
    const token = tokenOf(req);
    const invitation = staff.invitationByLink(token);
    const signedInAs = req.user ? req.user.email : null;
    return {
      view: 'staff/invitation',
      locals: {
        title: req.t('invitations.page.title', { municipality: invitation.municipalityName }),
        invitation,
        token,
        signedInAs,
        // The invitee, signed in: the answer's buttons; someone else signed in: sign out first.
        isInvitee: signedInAs !== null && signedInAs === invitation.email,
        loginUrl: paths.login({}, { returnTo: paths.admin.invitation({ invitationToken: token }) }),
      },
    };
  };

  return {
    get: goneAsPage((req, res) => {
      const { view, locals } = page(req);
      res.render(view, { ...locals, values: {}, errors: {} });
    }),

    /** A new account: the password, then signed in at once (the link proved the address). */
    createAccount: goneAsPage(handleForm({
      schema: InvitationPasswordSchema,
      form: page,
      act: async (req, input) => {
        const userId = await staff.acceptWithNewAccount(tokenOf(req), input.password);
        await signIn(req, userId);
      },
      // /admin asks for enrolment first where the roles need a second factor.
      done: () => ({ to: paths.admin.home(), flash: 'invitationAccepted' }),
      forget: ['password', 'passwordConfirm'],
    })),

    answer: goneAsPage(handleForm({
      schema: InvitationAnswerSchema,
      form: page,
      act: (req, input) => staff.answerByLink(req.user!, tokenOf(req), input.answer === 'accept'),
      done: (_req, _r, input) => ({ to: paths.admin.home(), flash: input.answer === 'accept' ? 'invitationAccepted' : 'invitationDeclined' }),
    })),
  };
}

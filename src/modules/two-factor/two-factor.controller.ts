// A staff member's own second factor (#21.2), under /admin/konto/totp: start an enrolment, confirm it with one code
// (the answer shows the recovery codes, once), turn it off with a current code where it is not required, and get ten
// new recovery codes for a current code (shown once too). Enrolling and turning off end the user's other sessions.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { handleForm, showFormAgain } from '../../lib/form-handler';
import { parseForm } from '../../lib/forms';
import { safeReturnTo } from '../../lib/safe-redirect';
import { paths } from '../../paths';
import { qrDrawing } from './qr-code';
import { StartInputSchema, TotpCodeInputSchema } from './two-factor.schema';
import type { TwoFactorService } from './two-factor.service';

/** Where to go when enrolment is done: a safe path the sign-in carried, or the staff start page. */
function returnToOf(value: unknown): string {
  return safeReturnTo(value, '');
}

export function twoFactorController({ twoFactor }: { twoFactor: TwoFactorService }) {
  const page = (req: Request) => {
    const user = req.user!;
    const state = twoFactor.state(user.id, user.email);
    const returnTo = returnToOf(req.method === 'GET' ? req.query.returnTo : (req.body as { returnTo?: unknown } | undefined)?.returnTo);
    return {
      view: 'two-factor/totp',
      locals: { title: req.t('twoFactor.page.title'), state, qr: state.pending ? qrDrawing(state.pending.uri) : null, returnTo },
    };
  };

  return {
    get(req: Request, res: Response) {
      const { view, locals } = page(req);
      res.render(view, { ...locals, values: {}, errors: {} });
    },

    start: handleForm({
      schema: StartInputSchema,
      form: page,
      act: (req) => twoFactor.start(req.user!.id),
      done: (_req, _r, input) => ({ to: paths.admin.twoFactor({}, { returnTo: returnToOf(input.returnTo) }) }),
    }),

    // Not handleForm: the answer to a confirmed enrolment is the page with the recovery codes, shown this once and
    // never kept anywhere readable (so no redirect to a page that would have to find them again).
    confirm(req: Request, res: Response) {
      let codes: string[];
      let returnTo = '';
      try {
        const input = parseForm(TotpCodeInputSchema, req.body);
        returnTo = returnToOf(input.returnTo);
        codes = twoFactor.confirm(req.user!.id, input.code, req.sessionID);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return showFormAgain(req, res, err, page(req), ['code']);
      }
      res.render('two-factor/recovery-codes', { title: req.t('twoFactor.recovery.title'), codes, continueTo: returnTo || paths.admin.home() });
    },

    remove: handleForm({
      schema: TotpCodeInputSchema,
      form: page,
      act: (req, input) => twoFactor.remove(req.user!.id, input.code, req.sessionID),
      done: () => ({ to: paths.admin.twoFactor(), flash: 'twoFactorRemoved' }),
      forget: ['code'],
    }),

    // Like confirm, the answer is the page with the new codes, shown once. The form's field shares the name `code` with
    // the turning-off form on the same page, so its errors go under its own field id.
    renewRecoveryCodes(req: Request, res: Response) {
      let codes: string[];
      try {
        const input = parseForm(TotpCodeInputSchema, req.body);
        codes = twoFactor.renewRecoveryCodes(req.user!.id, input.code);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const refused = new ValidationError({ renewCode: err.fieldErrors.code ?? 'twoFactor.errors.wrongCode' });
        return showFormAgain(req, res, refused, page(req), ['renewCode']);
      }
      res.render('two-factor/recovery-codes', { title: req.t('twoFactor.recovery.renewedTitle'), codes, continueTo: paths.admin.twoFactor(), renewed: true });
    },
  };
}

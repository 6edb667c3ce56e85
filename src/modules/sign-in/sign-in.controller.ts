// Sign-in, sign-out and the one-time first-admin setup.
import type { NextFunction, Request, Response } from 'express';
import { NotFoundError, ValidationError } from '../../errors';
import { handleForm, showFormAgain } from '../../lib/form-handler';
import { parseForm } from '../../lib/forms';
import { safeReturnTo } from '../../lib/safe-redirect';
import { paths } from '../../paths';
import type { AuthService } from './auth.service';
import type { LoginThrottleService } from './login-throttle.service';
import type { TwoFactorService } from '../two-factor/two-factor.service';
import { awaitSecondFactor } from './second-factor-session';
import { signIn, signOut } from './session.helpers';
import type { StaffSsoService } from './staff-sso.service';
import { LoginInputSchema, SetupInputSchema, type LoginInput } from './sign-in.schema';

export function signInController({
  auth,
  loginThrottle,
  twoFactor,
  clock,
  staffSso = null,
}: {
  auth: AuthService;
  loginThrottle: LoginThrottleService;
  /** The second factor (#21.2): asked for after the password, or enrolled first where it is required. */
  twoFactor: Pick<TwoFactorService, 'isEnrolled' | 'needsEnrolment' | 'start'>;
  clock: () => Date;
  /** Staff single sign-on, when STAFF_OIDC_* are configured (staff-sso.controller.ts). */
  staffSso?: StaffSsoService | null;
}) {
  const loginForm = (req: Request) => ({ view: 'sign-in/login', locals: { title: req.t('auth.login.title'), staffSso: staffSso !== null } });
  const setupForm = (req: Request) => ({ view: 'sign-in/setup', locals: { title: req.t('auth.setup.title') } });

  const saveSetup = handleForm({
    schema: SetupInputSchema,
    form: setupForm,
    act: async (req, input) => {
      const user = await auth.completeSetup(String(req.params.token), input);
      // Spent since the check below: someone else finished the setup first.
      if (!user) throw new NotFoundError();
      await signIn(req, user.id);
    },
    done: () => ({ to: paths.admin.home() }),
    forget: ['password', 'passwordConfirm'],
  });

  return {
    login: {
      get(req: Request, res: Response) {
        const returnTo = typeof req.query.returnTo === 'string' ? safeReturnTo(req.query.returnTo, '') : '';
        if (req.user) return res.redirect(303, safeReturnTo(returnTo));
        const { view, locals } = loginForm(req);
        res.render(view, { ...locals, values: { email: '', returnTo }, errors: {} });
      },
      // Not handleForm: a refused sign-in is no validation error but a 401 with the form (one answer for an unknown
      // e-mail and a wrong password, SECURITY.md 16), and a throttled one the 429 page. The password is never shown again.
      async post(req: Request, res: Response) {
        let input: LoginInput;
        try {
          input = parseForm(LoginInputSchema, req.body);
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          return showFormAgain(req, res, err, loginForm(req), ['password']);
        }
        // Throttled per account+address and per address before the password check (SECURITY.md 16); the same 429
        // whether or not the e-mail exists.
        const attempt = await loginThrottle.attempt(input.email, req.ip ?? '', () => auth.login(input.email, input.password));
        if (attempt.refused) {
          res.set('Retry-After', String(attempt.retryAfterSeconds));
          const minutes = Math.max(1, Math.ceil(attempt.retryAfterSeconds / 60));
          return res.status(429).render('errors/error', { title: req.t('errors.tooMany.title'), message: req.t('errors.tooManyLogin.body', { minutes }) });
        }
        const user = attempt.result;
        if (!user) {
          const failed = new ValidationError({ _form: 'auth.login.failed' }, { email: input.email, returnTo: input.returnTo ?? '' });
          return showFormAgain(req, res, failed, loginForm(req), ['password'], 401);
        }
        const returnTo = safeReturnTo(input.returnTo);
        // With TOTP the session is not signed in yet: it waits five minutes for the code (#21.2).
        if (twoFactor.isEnrolled(user.id)) {
          await awaitSecondFactor(req, user.id, returnTo, clock());
          return res.redirect(303, paths.loginCode());
        }
        await signIn(req, user.id);
        // Required but not enrolled: enrolment starts now, and /admin shows nothing else until it is done.
        if (twoFactor.needsEnrolment(user.id)) {
          twoFactor.start(user.id);
          return res.redirect(303, paths.admin.twoFactor({}, { returnTo }));
        }
        res.redirect(303, returnTo);
      },
    },

    async logout(req: Request, res: Response) {
      if (req.user) auth.logout(req.user.id);
      // A single sign-on session ends at the provider too (RP-initiated logout), when it offers that.
      const idToken = req.session?.signedInWith === 'sso' ? req.session.staffSsoIdToken : undefined;
      const providerLogout = staffSso && idToken ? await staffSso.providerLogoutUrl(idToken) : null;
      await signOut(req);
      res.clearCookie('rk.sid', { httpOnly: true, sameSite: 'lax' });
      res.redirect(303, providerLogout ?? paths.home());
    },

    setup: {
      get(req: Request, res: Response) {
        if (!auth.isSetupTokenValid(String(req.params.token))) throw new NotFoundError();
        const { view, locals } = setupForm(req);
        res.render(view, { ...locals, values: {}, errors: {} });
      },
      post(req: Request, res: Response, next: NextFunction) {
        // Without a valid token the page does not exist, whatever the form holds: 404 before the form is read.
        if (!auth.isSetupTokenValid(String(req.params.token))) throw new NotFoundError();
        return saveSetup(req, res, next);
      },
    },
  };
}

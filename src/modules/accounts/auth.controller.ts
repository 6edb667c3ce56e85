// Sign-in, sign-out and the one-time first-admin setup.
import type { Request, Response } from 'express';
import { NotFoundError, ValidationError } from '../../errors';
import { parseForm } from '../../lib/forms';
import { renderFormError } from '../../lib/render-form';
import { safeReturnTo } from '../../lib/safe-redirect';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { LoginInputSchema, SetupInputSchema } from './accounts.schema';
import type { LoginThrottleService } from './login-throttle.service';
import { signIn, signOut } from './session.helpers';

export function authController({ auth }: Services, loginThrottle: LoginThrottleService) {
  const loginView = (req: Request) => ({ title: req.t('auth.login.title') });

  return {
    login: {
      get(req: Request, res: Response) {
        const returnTo = typeof req.query.returnTo === 'string' ? safeReturnTo(req.query.returnTo, '') : '';
        if (req.user) return res.redirect(303, safeReturnTo(returnTo));
        res.render('accounts/login', { ...loginView(req), values: { email: '', returnTo }, errors: {} });
      },
      async post(req: Request, res: Response) {
        let input;
        try {
          input = parseForm(LoginInputSchema, req.body);
        } catch (err) {
          if (err instanceof ValidationError) delete err.values.password;
          return renderFormError(res, err, 'accounts/login', loginView(req));
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
          // One answer for an unknown e-mail and a wrong password (SECURITY.md 16).
          return res.status(401).render('accounts/login', {
            ...loginView(req),
            values: { email: input.email, returnTo: input.returnTo ?? '' },
            errors: { _form: 'auth.login.failed' },
          });
        }
        await signIn(req, user.id);
        res.redirect(303, safeReturnTo(input.returnTo));
      },
    },

    async logout(req: Request, res: Response) {
      if (req.user) auth.logout(req.user.id);
      await signOut(req);
      res.clearCookie('rk.sid', { httpOnly: true, sameSite: 'lax' });
      res.redirect(303, paths.home());
    },

    setup: {
      get(req: Request, res: Response) {
        if (!auth.isSetupTokenValid(String(req.params.token))) throw new NotFoundError();
        res.render('accounts/setup', { title: req.t('auth.setup.title'), values: {}, errors: {} });
      },
      async post(req: Request, res: Response) {
        const token = String(req.params.token);
        if (!auth.isSetupTokenValid(token)) throw new NotFoundError();
        let input;
        try {
          input = parseForm(SetupInputSchema, req.body);
        } catch (err) {
          if (err instanceof ValidationError) {
            delete err.values.password;
            delete err.values.passwordConfirm;
          }
          return renderFormError(res, err, 'accounts/setup', { title: req.t('auth.setup.title') });
        }
        const user = await auth.completeSetup(token, input);
        if (!user) throw new NotFoundError();
        await signIn(req, user.id);
        res.redirect(303, paths.admin.home());
      },
    },
  };
}

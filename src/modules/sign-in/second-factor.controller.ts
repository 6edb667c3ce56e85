// The second step of a sign-in with TOTP (#21.2), at /login/kode: a code from the app or a recovery code, for the
// user whose password was right within the last five minutes. Wrong codes are throttled like passwords (the same
// per account+address and per address counters), and answered with 401 and the form.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { showFormAgain } from '../../lib/form-handler';
import { parseForm } from '../../lib/forms';
import { safeReturnTo } from '../../lib/safe-redirect';
import { paths } from '../../paths';
import type { TwoFactorService } from '../two-factor/two-factor.service';
import type { AuthService } from './auth.service';
import type { LoginThrottleService } from './login-throttle.service';
import { forgetSecondFactor, pendingSecondFactor } from './second-factor-session';
import { signIn } from './session.helpers';
import { SecondFactorInputSchema } from './sign-in.schema';

export function secondFactorController({
  auth,
  loginThrottle,
  twoFactor,
  clock,
}: {
  auth: Pick<AuthService, 'currentUser'>;
  loginThrottle: LoginThrottleService;
  twoFactor: Pick<TwoFactorService, 'verify'>;
  clock: () => Date;
}) {
  const form = (req: Request) => ({ view: 'sign-in/login-code', locals: { title: req.t('twoFactor.login.title') } });

  return {
    get(req: Request, res: Response) {
      if (!pendingSecondFactor(req, clock())) return res.redirect(303, paths.login());
      res.render('sign-in/login-code', { ...form(req).locals, values: {}, errors: {} });
    },

    async post(req: Request, res: Response) {
      const pending = pendingSecondFactor(req, clock());
      // Gone or expired: back to the password (an expired half-done sign-in is dropped).
      const user = pending ? auth.currentUser(pending.userId) : null;
      if (!pending || !user) {
        forgetSecondFactor(req);
        return res.redirect(303, paths.login());
      }
      let code: string;
      try {
        code = parseForm(SecondFactorInputSchema, req.body).code;
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return showFormAgain(req, res, err, form(req), ['code']);
      }
      const attempt = await loginThrottle.attempt(user.email, req.ip ?? '', async () => (twoFactor.verify(user.id, code).ok ? true : null));
      if (attempt.refused) {
        res.set('Retry-After', String(attempt.retryAfterSeconds));
        const minutes = Math.max(1, Math.ceil(attempt.retryAfterSeconds / 60));
        return res.status(429).render('errors/error', { title: req.t('errors.tooMany.title'), message: req.t('errors.tooManyLogin.body', { minutes }) });
      }
      if (!attempt.result) return showFormAgain(req, res, new ValidationError({ code: 'twoFactor.login.failed' }), form(req), ['code'], 401);
      // A new session id, and the half-done state goes with the old session.
      await signIn(req, user.id);
      res.redirect(303, safeReturnTo(pending.returnTo));
    },
  };
}

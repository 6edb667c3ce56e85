// A staff member's own password change (#21.2): the form under /admin/konto/passord. Every session ends with it, this
// one too, so the answer is the sign-in page with the notice.
import type { Request, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { paths } from '../../paths';
import type { AuthService } from './auth.service';
import { PasswordChangeInputSchema } from './sign-in.schema';

export function passwordChangeController({ auth }: { auth: Pick<AuthService, 'changePassword' | 'hasLocalPassword'> }) {
  // Someone who signs in only through their municipality's account has no password here: the page says so.
  const form = (req: Request) => ({
    view: 'sign-in/password-change',
    locals: { title: req.t('account.password.title'), hasLocalPassword: auth.hasLocalPassword(req.user!.id) },
  });
  return {
    get(req: Request, res: Response) {
      const { view, locals } = form(req);
      res.render(view, { ...locals, values: {}, errors: {} });
    },
    post: handleForm({
      schema: PasswordChangeInputSchema,
      form,
      forget: ['currentPassword', 'password', 'passwordConfirm'],
      act: (req, input) => auth.changePassword(req.user!.id, input.currentPassword, input.password),
      done: () => ({ to: paths.login(), flash: 'passwordChanged' }),
    }),
  };
}

// A municipality admin manages staff: list, invite, change roles, remove from the municipality, disable and enable;
// and a signed-in person answers the invitations sent to them.
import type { Request, Response } from 'express';
import { NotFoundError, ValidationError } from '../../errors';
import { parseForm } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { renderFormError } from '../../lib/render-form';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { EmptyFormSchema, RolesInputSchema, StaffInputSchema, UserIdParamSchema } from './accounts.schema';
import { passwordProblem } from './password.service';
import { ROLES } from './roles';

function userIdFrom(req: Request): number {
  const parsed = UserIdParamSchema.safeParse(req.params.userId);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

export function staffController({ staff }: Services) {
  const base = (req: Request) => paths.admin.settings.users({ municipality: req.municipality!.slug });
  const newView = (req: Request) => ({ title: req.t('admin.users.newTitle'), roleNames: ROLES });

  const editLocals = (req: Request, userId: number) => {
    const member = staff.get(req.municipality!.id, userId);
    return { title: req.t('admin.users.editTitle', { name: member.name }), member, mayDisable: staff.mayDisable(req.municipality!.id, userId), roleNames: ROLES };
  };

  return {
    list(req: Request, res: Response) {
      const municipalityId = req.municipality!.id;
      res.render('accounts/users', { title: req.t('admin.users.title'), staff: staff.list(municipalityId), invitations: staff.invitations(municipalityId) });
    },
    create: {
      get(req: Request, res: Response) {
        res.render('accounts/user-new', { ...newView(req), values: { roles: [] }, errors: {} });
      },
      async post(req: Request, res: Response) {
        try {
          const input = parseForm(StaffInputSchema, req.body);
          // The schema knows the name and e-mail beside the password; the municipality is known only here.
          const m = req.municipality!;
          const problem = passwordProblem(input.password, [input.name, input.email, m.name, m.slug]);
          if (problem) throw new ValidationError({ password: problem }, { ...req.body });
          await staff.invite(req.user!.id, m.id, input);
          res.redirect(303, base(req));
        } catch (err) {
          if (err instanceof ValidationError) delete err.values.password;
          renderFormError(res, err, 'accounts/user-new', newView(req));
        }
      },
    },
    edit(req: Request, res: Response) {
      const locals = editLocals(req, userIdFrom(req));
      res.render('accounts/user-edit', { ...locals, values: { roles: locals.member.roles }, errors: {} });
    },
    setRoles(req: Request, res: Response) {
      const userId = userIdFrom(req);
      try {
        const input = parseForm(RolesInputSchema, req.body);
        staff.setRoles(req.user!.id, req.municipality!.id, userId, input.roles);
        res.redirect(303, base(req));
      } catch (err) {
        renderFormError(res, err, 'accounts/user-edit', editLocals(req, userId));
      }
    },
    disable(req: Request, res: Response) {
      parseForm(EmptyFormSchema, req.body);
      staff.setDisabled(req.user!.id, req.municipality!.id, userIdFrom(req), true);
      res.redirect(303, base(req));
    },
    enable(req: Request, res: Response) {
      parseForm(EmptyFormSchema, req.body);
      staff.setDisabled(req.user!.id, req.municipality!.id, userIdFrom(req), false);
      res.redirect(303, base(req));
    },
    remove(req: Request, res: Response) {
      parseForm(EmptyFormSchema, req.body);
      staff.removeFromMunicipality(req.user!.id, req.municipality!.id, userIdFrom(req));
      res.redirect(303, base(req));
    },
    withdrawInvitation(req: Request, res: Response) {
      parseForm(EmptyFormSchema, req.body);
      staff.withdrawInvitation(req.user!.id, req.municipality!.id, idParam(req, 'invitationId'));
      res.redirect(303, base(req));
    },
    acceptInvitation(req: Request, res: Response) {
      parseForm(EmptyFormSchema, req.body);
      staff.answerInvitation(req.user!, idParam(req, 'invitationId'), true);
      res.redirect(303, paths.admin.home());
    },
    declineInvitation(req: Request, res: Response) {
      parseForm(EmptyFormSchema, req.body);
      staff.answerInvitation(req.user!, idParam(req, 'invitationId'), false);
      res.redirect(303, paths.admin.home());
    },
  };
}

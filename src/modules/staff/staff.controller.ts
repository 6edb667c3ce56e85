// A municipality admin manages its staff: list, invite (by e-mail, #21.2), change roles, remove from the municipality,
// disable and enable, withdraw an invitation or send it again.
import type { Request, Response } from 'express';
import { NotFoundError } from '../../errors';
import { handleForm } from '../../lib/form-handler';
import { EmptyFormSchema } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import { ROLES } from './roles';
import { RolesInputSchema, StaffInputSchema, UserIdParamSchema } from './staff.schema';
import type { StaffService } from './staff.service';

function userIdFrom(req: Request): number {
  const parsed = UserIdParamSchema.safeParse(req.params.userId);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

export function staffController({ staff }: { staff: StaffService }) {
  const staffList = (req: Request) => paths.admin.settings.users({ municipality: req.municipality!.slug });

  // Each page a form of this controller lives on, to show it again with the errors (a button's page too).
  const listPage = (req: Request) => {
    const municipalityId = req.municipality!.id;
    return {
      view: 'staff/users',
      locals: { title: req.t('admin.users.title'), staff: staff.list(municipalityId), invitations: staff.invitations(municipalityId) },
    };
  };
  const newPage = (req: Request) => ({ view: 'staff/user-new', locals: { title: req.t('admin.users.newTitle'), roleNames: ROLES } });
  const editPage = (req: Request) => {
    const municipalityId = req.municipality!.id;
    const userId = userIdFrom(req);
    const member = staff.get(municipalityId, userId);
    return {
      view: 'staff/user-edit',
      locals: { title: req.t('admin.users.editTitle', { name: member.name }), member, mayDisable: staff.mayDisable(municipalityId, userId), roleNames: ROLES },
    };
  };

  /** A button on the staff member's page: nothing to fill in, back to the list with the notice. */
  const memberAction = (act: (req: Request) => void, flash: 'staffDisabled' | 'staffEnabled' | 'staffRemoved') =>
    handleForm({ schema: EmptyFormSchema, form: editPage, act, done: (req) => ({ to: staffList(req), flash }) });

  return {
    list(req: Request, res: Response) {
      const { view, locals } = listPage(req);
      res.render(view, { ...locals, errors: {} });
    },

    create: {
      get(req: Request, res: Response) {
        const { view, locals } = newPage(req);
        res.render(view, { ...locals, values: { roles: [] }, errors: {} });
      },
      post: handleForm({
        schema: StaffInputSchema,
        form: newPage,
        act: (req, input) => staff.invite(req.user!.id, req.municipality!, input),
        done: (req) => ({ to: staffList(req), flash: 'staffInvited' }),
      }),
    },

    edit(req: Request, res: Response) {
      const { view, locals } = editPage(req);
      res.render(view, { ...locals, values: { roles: locals.member.roles }, errors: {} });
    },

    setRoles: handleForm({
      schema: RolesInputSchema,
      form: editPage,
      act: (req, input) => staff.setRoles(req.user!.id, req.municipality!.id, userIdFrom(req), input.roles),
      done: (req) => ({ to: staffList(req), flash: 'rolesSaved' }),
    }),

    disable: memberAction((req) => staff.setDisabled(req.user!.id, req.municipality!.id, userIdFrom(req), true), 'staffDisabled'),
    enable: memberAction((req) => staff.setDisabled(req.user!.id, req.municipality!.id, userIdFrom(req), false), 'staffEnabled'),
    remove: memberAction((req) => staff.removeFromMunicipality(req.user!.id, req.municipality!.id, userIdFrom(req)), 'staffRemoved'),

    withdrawInvitation: handleForm({
      schema: EmptyFormSchema,
      form: listPage,
      act: (req) => staff.withdrawInvitation(req.user!.id, req.municipality!.id, idParam(req, 'invitationId')),
      done: (req) => ({ to: staffList(req), flash: 'invitationWithdrawn' }),
    }),

    /** A new link for an invitation (the old one dies): when it expired, or the e-mail went astray. */
    resendInvitation: handleForm({
      schema: EmptyFormSchema,
      form: listPage,
      act: (req) => staff.resendInvitation(req.user!.id, req.municipality!, idParam(req, 'invitationId')),
      done: (req) => ({ to: staffList(req), flash: 'invitationResent' }),
    }),
  };
}

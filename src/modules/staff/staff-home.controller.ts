// The staff start page: the municipalities a signed-in person works for (every one, for a platform admin) and the
// invitations waiting for their answer, which they accept or decline here.
import type { Request, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { EmptyFormSchema } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import type { MunicipalitiesService } from '../municipalities/municipalities.service';
import type { StaffService } from './staff.service';
import type { BackupService } from '../operations/backup.service';

export function staffHomeController({ staff, municipalities, backups }: { staff: StaffService; municipalities: MunicipalitiesService; backups: BackupService }) {
  const homePage = (req: Request) => {
    const user = req.user!;
    return {
      view: 'staff/home',
      locals: {
        title: req.t('admin.home.title'),
        municipalities: user.isPlatformAdmin ? municipalities.list() : staff.municipalitiesOf(user.id),
        invitations: staff.invitationsTo(user),
        // The platform admin sees whether the scheduled backups are running (#22.2).
        backups: user.isPlatformAdmin ? backups.status() : null,
      },
    };
  };

  const answer = (accept: boolean) =>
    handleForm({
      schema: EmptyFormSchema,
      form: homePage,
      act: (req) => staff.answerInvitation(req.user!, idParam(req, 'invitationId'), accept),
      done: () => ({ to: paths.admin.home(), flash: accept ? 'invitationAccepted' : 'invitationDeclined' }),
    });

  return {
    home(req: Request, res: Response) {
      const { view, locals } = homePage(req);
      res.render(view, { ...locals, errors: {} });
    },
    acceptInvitation: answer(true),
    declineInvitation: answer(false),
  };
}

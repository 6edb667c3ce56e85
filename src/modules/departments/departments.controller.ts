// Managing departments: the units, agencies and private actors that steps are assigned to.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { parseForm } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { renderFormError } from '../../lib/render-form';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { EmptyFormSchema } from '../accounts/accounts.schema';
import { DEPARTMENT_KINDS } from '../journeys/journey-vocabulary';
import { DepartmentInputSchema } from './departments.schema';

export function departmentsController({ departments }: Services) {
  const base = (req: Request) => paths.admin.departments.index({ municipality: req.municipality!.slug });
  const listLocals = (req: Request) => ({
    title: req.t('departments.title'),
    departments: departments.list(req.municipality!.id),
    kinds: DEPARTMENT_KINDS,
  });

  return {
    list(req: Request, res: Response) {
      res.render('departments/list', { ...listLocals(req), values: { kind: 'municipal' }, errors: {} });
    },
    create(req: Request, res: Response) {
      try {
        departments.create(req.user!.id, req.municipality!.id, parseForm(DepartmentInputSchema, req.body));
        res.redirect(303, base(req));
      } catch (err) {
        renderFormError(res, err, 'departments/list', listLocals(req));
      }
    },
    edit: {
      get(req: Request, res: Response) {
        const department = departments.get(req.municipality!.id, idParam(req, 'departmentId'));
        res.render('departments/edit', {
          title: req.t('departments.editTitle'),
          department,
          kinds: DEPARTMENT_KINDS,
          values: { name: department.name, kind: department.kind },
          errors: {},
        });
      },
      post(req: Request, res: Response) {
        const department = departments.get(req.municipality!.id, idParam(req, 'departmentId'));
        try {
          departments.update(req.user!.id, req.municipality!.id, department.id, parseForm(DepartmentInputSchema, req.body));
          res.redirect(303, base(req));
        } catch (err) {
          renderFormError(res, err, 'departments/edit', { title: req.t('departments.editTitle'), department, kinds: DEPARTMENT_KINDS });
        }
      },
    },
    remove(req: Request, res: Response) {
      try {
        parseForm(EmptyFormSchema, req.body);
        departments.remove(req.user!.id, req.municipality!.id, idParam(req, 'departmentId'));
        res.redirect(303, base(req));
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        res.status(400).render('departments/list', { ...listLocals(req), values: { kind: 'municipal' }, errors: err.fieldErrors });
      }
    },
  };
}

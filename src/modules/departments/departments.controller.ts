// Managing departments: the units, agencies and private actors that steps are assigned to.
import type { Request, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import { EmptyFormSchema } from '../../lib/forms';
import { DEPARTMENT_KINDS } from './department-vocabulary';
import { DepartmentInputSchema } from './departments.schema';
import type { DepartmentsService } from './departments.service';

export function departmentsController({ departments }: { departments: DepartmentsService }) {
  const base = (req: Request) => paths.admin.departments.index({ municipality: req.municipality!.slug });
  const listForm = (req: Request) => ({
    view: 'departments/list',
    locals: { title: req.t('departments.title'), departments: departments.list(req.municipality!.id), kinds: DEPARTMENT_KINDS },
  });
  const department = (req: Request) => departments.get(req.municipality!.id, idParam(req, 'departmentId'));
  const editForm = (req: Request) => ({
    view: 'departments/edit',
    locals: { title: req.t('departments.editTitle'), department: department(req), kinds: DEPARTMENT_KINDS },
  });

  return {
    list(req: Request, res: Response) {
      const form = listForm(req);
      res.render(form.view, { ...form.locals, values: { kind: 'municipal' }, errors: {} });
    },
    create: handleForm({
      schema: DepartmentInputSchema,
      form: listForm,
      act: (req, input) => departments.create(req.user!.id, req.municipality!.id, input),
      done: (req) => ({ to: base(req) }),
    }),
    edit: {
      get(req: Request, res: Response) {
        const form = editForm(req);
        const { name, kind } = form.locals.department;
        res.render(form.view, { ...form.locals, values: { name, kind }, errors: {} });
      },
      post: handleForm({
        schema: DepartmentInputSchema,
        form: editForm,
        act: (req, input) => departments.update(req.user!.id, req.municipality!.id, idParam(req, 'departmentId'), input),
        done: (req) => ({ to: base(req) }),
      }),
    },
    // A department still in use is refused on the list, with the reason in the error summary.
    remove: handleForm({
      schema: EmptyFormSchema,
      form: listForm,
      act: (req) => departments.remove(req.user!.id, req.municipality!.id, idParam(req, 'departmentId')),
      done: (req) => ({ to: base(req) }),
    }),
  };
}

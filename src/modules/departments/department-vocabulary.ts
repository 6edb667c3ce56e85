// The kinds of department a journey passes through: the municipality's own units, state agencies and private actors.
export const DEPARTMENT_KINDS = ['municipal', 'state', 'private'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

// Application errors; the error handler maps each to a status and a localised page.
export class AppError extends Error {
  constructor(
    readonly status: number,
    /** i18n key of the message shown to the person. */
    readonly messageKey: string,
  ) {
    super(messageKey);
  }
}

export class NotFoundError extends AppError {
  constructor() {
    super(404, 'errors.notFound.body');
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = 'errors.forbidden.body') {
    super(403, messageKey);
  }
}

/** Form input that failed validation: field -> i18n key, plus the values to show again. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    readonly values: Record<string, unknown> = {},
  ) {
    super(400, 'errors.validation.summary');
  }
}

/** A business rule refused a request (for example a slug already taken). */
export class ConflictError extends ValidationError {}

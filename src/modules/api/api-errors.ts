// Errors of the open data API: a status, a stable machine-readable code and an English message for developers.
// They are answered as JSON `{ "error": { "code", "message" } }` by the API's own error handler, never as an HTML page.
export type ApiErrorCode =
  | 'invalid_parameter'
  | 'unknown_parameter'
  | 'invalid_cursor'
  | 'cursor_expired'
  | 'municipality_not_found'
  | 'journey_not_found'
  | 'not_found'
  | 'method_not_allowed'
  | 'bad_request'
  | 'internal_error';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorCode, message: string) {
  return { error: { code, message } };
}

/** Error codes every channel can answer with; views switch on these, never on messages. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'IMPORT',
  'DB_DAMAGED',
  'SCHEMA_TOO_NEW',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A failure with a code the bridge carries to the renderer unchanged. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

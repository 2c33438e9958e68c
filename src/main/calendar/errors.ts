import type { ImportError, ImportErrorCode } from '../../shared/calendar/types';

/** A whole file rejected; carries the `ImportError` shape so it crosses IPC and worker boundaries intact. */
export class CalendarImportError extends Error implements ImportError {
  readonly code: ImportErrorCode;
  readonly line?: number;
  constructor(code: ImportErrorCode, message: string, line?: number) {
    super(message);
    this.name = 'CalendarImportError';
    this.code = code;
    if (line !== undefined) this.line = line;
  }

  toJSON(): ImportError {
    return this.line === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, line: this.line };
  }
}

export function isImportError(value: unknown): value is ImportError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ImportError).code === 'string' &&
    typeof (value as ImportError).message === 'string'
  );
}

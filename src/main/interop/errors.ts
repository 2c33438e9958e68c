import { AppError } from '../../shared/ipc/envelope';
import type { FileErrorCode } from '../../shared/interop/types';

/** A file refused as a whole: nothing of it is written. `details.code` says why, for the view. */
export function fileError(code: FileErrorCode, message: string, line?: number): AppError {
  return new AppError('IMPORT', message, line === undefined ? { code } : { code, line });
}

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad arguments: the command line prints usage and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a sub-command's arguments strictly; unknown flags are usage errors, not ignored. */
export function parseCommandArgs(argv: string[], options: Options, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireString(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`Missing --${flag}`);
  return value;
}

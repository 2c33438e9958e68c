import type BetterSqlite3 from 'better-sqlite3';
import {
  defaultStrengthParams,
  mergeParams,
  strengthParamsPatchSchema,
  strengthParamsSchema,
  type StrengthParams,
  type StrengthParamsPatch,
} from '../../shared/strength/params';

export const PARAMS_KEY = 'strength.params';

/**
 * The parameters in force: what Settings stored over the defaults. Stored values that no
 * longer validate (an older or hand-edited file) fall back to the defaults, never break scoring.
 */
export function readParams(sqlite: BetterSqlite3.Database): { params: StrengthParams; raw: string | null } {
  return parseParams(readRawParams(sqlite));
}

/** The stored parameters as text: cheap to compare, so callers parse only when it changed. */
export function readRawParams(sqlite: BetterSqlite3.Database): string | null {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PARAMS_KEY);
  return typeof raw === 'string' ? raw : null;
}

export function parseParams(raw: string | null): { params: StrengthParams; raw: string | null } {
  if (raw === null) return { params: defaultStrengthParams, raw };
  try {
    const patch = strengthParamsPatchSchema.parse(JSON.parse(raw));
    return { params: strengthParamsSchema.parse(mergeParams(defaultStrengthParams, patch)), raw };
  } catch {
    return { params: defaultStrengthParams, raw };
  }
}

/** Stores only what differs in full: the merged set, so later default changes do not shift it. */
export function writeParams(sqlite: BetterSqlite3.Database, params: StrengthParams | null): void {
  if (params === null) {
    sqlite.prepare('DELETE FROM settings WHERE key = ?').run(PARAMS_KEY);
    return;
  }
  sqlite
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(PARAMS_KEY, JSON.stringify(params));
}

export function applyPatch(current: StrengthParams, patch: StrengthParamsPatch): StrengthParams {
  return strengthParamsSchema.parse(mergeParams(current, patch));
}

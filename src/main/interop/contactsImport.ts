import { randomUUID } from 'node:crypto';
import type { Store } from '../db/open';
import { AppError } from '../../shared/ipc/envelope';
import type { Circle } from '../../shared/contacts/schemas';
import type {
  ContactDecision,
  ContactsPreview,
  ImportOutcome,
  ParsedContacts,
  RowWarning,
} from '../../shared/interop/types';
import { backupBeforeRiskyChange } from './backup';
import { commitContactsImport } from './commit';
import { loadExisting } from './existing';
import { planImport, previewOf } from './plan';
import { readContactsFile } from './read';

type Parsed = ParsedContacts & { sha256: string };

/**
 * Preview, then commit: the parsed file is kept in memory under a preview id so commit
 * need not receive the file again; matching is redone at commit time against the
 * database as it is then, with the user's decisions applied by row.
 */
const previews = new Map<string, Parsed>();
const maxPreviews = 4;

export function previewContacts(store: Store, fileName: string, bytes: Uint8Array): ContactsPreview {
  const parsed = readContactsFile(fileName, bytes);
  const plan = planImport(parsed, loadExisting(store.sqlite));
  const previewId = randomUUID();
  previews.set(previewId, parsed);
  while (previews.size > maxPreviews) previews.delete(previews.keys().next().value as string);
  return { previewId, ...previewOf(parsed, plan) };
}

export interface CommitRequest {
  circle: Circle;
  decisions?: ContactDecision[];
  /** Rows whose other organisation or title (`PreviewItem.roleInFile`) to take, as job changes. */
  takeRoles?: number[];
  now: Date;
  dataDir: string;
  onProgress?: (done: number, total: number) => void;
  /** Tests and the command line's --no-backup skip the safety copy. */
  backup?: boolean;
}

export async function commitParsed(
  store: Store,
  parsed: Parsed,
  request: CommitRequest,
): Promise<ImportOutcome & { warnings: RowWarning[] }> {
  const plan = planImport(
    parsed,
    loadExisting(store.sqlite),
    request.decisions,
    new Set(request.takeRoles ?? []),
  );
  if (request.backup !== false && store.path !== ':memory:') {
    await backupBeforeRiskyChange(store, request.dataDir, 'import', request.now);
  }
  return commitContactsImport(store.sqlite, parsed, plan, {
    circle: request.circle,
    now: request.now,
    onProgress: request.onProgress,
  });
}

export async function commitPreview(
  store: Store,
  previewId: string,
  request: CommitRequest,
): Promise<ImportOutcome & { warnings: RowWarning[] }> {
  const parsed = previews.get(previewId);
  if (!parsed) {
    throw new AppError('NOT_FOUND', 'This preview has expired; choose the file again to import it.');
  }
  const outcome = await commitParsed(store, parsed, request);
  previews.delete(previewId);
  return outcome;
}

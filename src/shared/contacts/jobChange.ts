/** Where someone works and as what: the two fields a job change is about. */
export interface Role {
  organisation?: string | null;
  title?: string | null;
}

/** A role's field as written, trimmed; null when empty. */
export const known = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

const differs = (a: string | null | undefined, b: string | null | undefined) =>
  (known(a) ?? '').toLowerCase() !== (known(b) ?? '').toLowerCase();

/**
 * Whether going from `before` to `after` is news about someone's career: they left the
 * organisation they were at, or their known title became another. Filling in what was not
 * known (an organisation or a title where there was none) is not; nor is a change of case.
 */
export function isJobChange(before: Role, after: Role): boolean {
  const orgMoved = known(before.organisation) !== null && differs(before.organisation, after.organisation);
  const retitled =
    known(before.title) !== null && known(after.title) !== null && differs(before.title, after.title);
  return orgMoved || retitled;
}

/**
 * How the timeline says a job change: "Moved from Acme to Globex", "Left Acme",
 * "New position at Acme: CTO".
 */
export function jobChangeEntry(before: Role, after: Role): { title: string; notes: string } {
  const from = known(before.organisation);
  const to = known(after.organisation);
  const position = known(after.title);
  let title: string;
  if (from && to && differs(from, to)) title = `Moved from ${from} to ${to}`;
  else if (from && !to) title = `Left ${from}`;
  else title = `New position${to ? ` at ${to}` : ''}${position ? `: ${position}` : ''}`;
  return { title, notes: position ? `Position: ${position}` : '' };
}

/** A role in a few words: "CTO at Acme", "Acme", "CTO", or a dash when nothing is known. */
export function roleText(role: Role): string {
  return [known(role.title), known(role.organisation)].filter(Boolean).join(' at ') || '—';
}

import { organisationKey } from '../../../../shared/contacts/career';

/**
 * The organisation menu's entries and the one to show picked. The list offers one spelling per
 * organisation as its filter compares them (`organisationKey`: case and spacing aside), and an
 * address (a saved view, a career's link) may hold another: it shows as the entry it filters the
 * same as, or as it is when none does.
 */
export function organisationChoice(
  organisations: readonly string[],
  picked: string | null,
): { data: string[]; value: string | null } {
  if (picked === null) return { data: [...organisations], value: null };
  const same = organisations.find((o) => organisationKey(o) === organisationKey(picked));
  return same === undefined
    ? { data: [...organisations, picked], value: picked }
    : { data: [...organisations], value: same };
}

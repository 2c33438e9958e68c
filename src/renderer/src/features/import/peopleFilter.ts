import type { PreviewPerson } from '../../../../shared/calendar/schemas';
import { folded } from '../../../../shared/text/fold';

/**
 * The people whose name or address holds every word of `query`, whatever their case and
 * accents ("muller fabrikam" finds Jonas Müller at fabrikam.de); everyone for a blank query.
 */
export function matchingPeople<P extends Pick<PreviewPerson, 'name' | 'email'>>(
  people: P[],
  query: string,
): P[] {
  const words = folded(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return people;
  return people.filter((p) => {
    const text = folded(`${p.name} ${p.email}`);
    return words.every((w) => text.includes(w));
  });
}

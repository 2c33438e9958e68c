import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../../../src/main/calendar/parse';
import { packCalendar, unpackCalendar } from '../../../src/main/calendar/transfer';
import { fixture, fixturesDir, WINDOW_END } from './helpers';

function icsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? icsFiles(join(dir, entry.name))
      : entry.name.endsWith('.ics')
        ? [relative(fixturesDir, join(dir, entry.name))]
        : [],
  );
}

function parsedOrNull(path: string) {
  try {
    return parseCalendar(fixture(path), { windowEnd: WINDOW_END, defaultZone: 'UTC', fileName: path });
  } catch {
    return null; // a fixture the importer rejects has nothing to send between threads
  }
}

describe('packing parsed calendars for the copy between threads', () => {
  const parsed = icsFiles(fixturesDir)
    .map(parsedOrNull)
    .filter((p) => p !== null);

  it('gives back exactly what was parsed, for every fixture that parses', () => {
    expect(parsed.filter((p) => p.occurrences.some((o) => o.people.length > 1)).length).toBeGreaterThan(5);
    for (const calendar of parsed) {
      const copied = structuredClone(packCalendar(calendar));
      expect(unpackCalendar(copied)).toEqual(calendar);
    }
  });

  it('sends each distinct person once, and the people it gives back cannot be changed', () => {
    const withPeople = parsed.find((p) => p.occurrences.length > 3 && p.occurrences[0].people.length > 1)!;
    const packed = packCalendar(withPeople);
    const all = withPeople.occurrences.flatMap((o) => o.people);
    const distinct = new Set(all.map((p) => JSON.stringify([p.email, p.role, p.response, p.name])));
    expect(packed.persons).toHaveLength(distinct.size);
    expect(packed.persons.length).toBeLessThan(all.length);
    const person = unpackCalendar(structuredClone(packed)).occurrences[0].people[0];
    expect(() => {
      person.response = 'declined';
    }).toThrow(TypeError);
  });
});

import type { Occurrence, OccurrencePerson, ParsedCalendar } from '../../shared/calendar/types';

type PackedOccurrence = Omit<Occurrence, 'people' | 'declinedBy'>;

/**
 * A parsed file as the worker thread sends it back. Copying a 20,000-event history between
 * threads as objects means 130,000 person objects and arrays of them, about half a second;
 * here each occurrence holds only strings and numbers, and who took part is one list of
 * indices into a table of the few thousand distinct people, moved rather than copied.
 */
export interface PackedCalendar extends Omit<ParsedCalendar, 'occurrences'> {
  occurrences: PackedOccurrence[];
  persons: OccurrencePerson[];
  addresses: string[];
  /** Occurrence k's people are `persons[people[i]]` for i from `peopleEnd[k - 1]` (0 for the first) to `peopleEnd[k]`. */
  people: Int32Array;
  peopleEnd: Int32Array;
  /** The same for who declined, as indices into `addresses`. */
  declined: Int32Array;
  declinedEnd: Int32Array;
}

/** One index per distinct person, in first-seen order; people are told apart by every field. */
class PersonTable {
  readonly values: OccurrencePerson[] = [];
  /** Indices of the people with each address (one to a few: their roles and answers). */
  private readonly byEmail = new Map<string, number[]>();

  add(person: OccurrencePerson): number {
    let same = this.byEmail.get(person.email);
    if (!same) {
      same = [];
      this.byEmail.set(person.email, same);
    }
    for (const i of same) {
      const known = this.values[i];
      if (known.role === person.role && known.response === person.response && known.name === person.name) {
        return i;
      }
    }
    same.push(this.values.length);
    this.values.push(person);
    return this.values.length - 1;
  }
}

/** One index per distinct address, in first-seen order. */
class AddressTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  add(email: string): number {
    let i = this.index.get(email);
    if (i === undefined) {
      i = this.values.push(email) - 1;
      this.index.set(email, i);
    }
    return i;
  }
}

/** Growing list of indices. */
class Indices {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export function packCalendar(parsed: ParsedCalendar): PackedCalendar {
  const persons = new PersonTable();
  const addresses = new AddressTable();
  const people = new Indices();
  const declined = new Indices();
  const peopleEnd = new Int32Array(parsed.occurrences.length);
  const declinedEnd = new Int32Array(parsed.occurrences.length);
  const occurrences = parsed.occurrences.map((o, k): PackedOccurrence => {
    for (const p of o.people) people.push(persons.add(p));
    for (const email of o.declinedBy) declined.push(addresses.add(email));
    peopleEnd[k] = people.length;
    declinedEnd[k] = declined.length;
    // Field by field: a rest pattern builds each copy the slow way.
    return {
      key: o.key,
      uid: o.uid,
      title: o.title,
      notes: o.notes,
      location: o.location,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      allDay: o.allDay,
      durationMinutes: o.durationMinutes,
      kind: o.kind,
      approximate: o.approximate,
      organizer: o.organizer,
      delegatedBy: o.delegatedBy,
      copiedBy: o.copiedBy,
      sequence: o.sequence,
      modifiedAt: o.modifiedAt,
    };
  });
  return {
    ...parsed,
    occurrences,
    persons: persons.values,
    addresses: addresses.values,
    people: people.done(),
    peopleEnd,
    declined: declined.done(),
    declinedEnd,
  };
}

/** The buffers `postMessage` can move to the other thread instead of copying. */
export function transferables(packed: PackedCalendar[]): ArrayBuffer[] {
  return packed.flatMap((p) =>
    [p.people, p.peopleEnd, p.declined, p.declinedEnd].map((a) => a.buffer as ArrayBuffer),
  );
}

/**
 * The parsed file again. Occurrences with the same person share one frozen object for them:
 * nothing after parsing changes a person, and freezing makes sure nothing starts to.
 */
export function unpackCalendar(packed: PackedCalendar): ParsedCalendar {
  const { persons, addresses, occurrences, people, peopleEnd, declined, declinedEnd, ...rest } = packed;
  for (const person of persons) Object.freeze(person);
  const slice = <T>(table: T[], indices: Int32Array, from: number, to: number): T[] => {
    const out = new Array<T>(to - from);
    for (let i = from; i < to; i++) out[i - from] = table[indices[i]];
    return out;
  };
  return {
    ...rest,
    occurrences: occurrences.map((o, k): Occurrence => ({
      ...o,
      people: slice(persons, people, k === 0 ? 0 : peopleEnd[k - 1], peopleEnd[k]),
      declinedBy: slice(addresses, declined, k === 0 ? 0 : declinedEnd[k - 1], declinedEnd[k]),
    })),
  };
}

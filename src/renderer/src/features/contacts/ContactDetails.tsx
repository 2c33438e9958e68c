import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { daysUntilText, nextBirthday, parseBirthday } from '../../../../shared/contacts/birthday';
import { yearsText } from '../../../../shared/contacts/importantDates';
import { cityListParams, customFieldListParams } from '../../../../shared/contacts/listState';
import { cityOf } from '../../../../shared/contacts/location';
import type { Contact, CustomField } from '../../../../shared/contacts/schemas';
import { localDate } from '../../../../shared/journal/quickLog';
import { useRapportQuery } from '../../api/hooks';
import { count } from '../../../../shared/text/count';
import { CareerHistory } from './CareerHistory';
import { DetailField } from './DetailField';
import { heldBy } from './customFieldChoice';
import { circleLabels, describeCadence, linkKindLabels } from './labels';

function plain(value: string): ReactNode {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {value}
    </Text>
  );
}

/** The cadence in force: the contact's own, or else their circle's default, saying which. */
function KeepInTouchCadence({ contact }: { contact: Contact }) {
  const status = useRapportQuery('reconnect:status', { contactId: contact.id });
  if (contact.cadenceDays !== null || !status.data) {
    return <Text size="sm">{describeCadence(contact.cadenceDays)}</Text>;
  }
  const days = status.data.cadenceDays;
  return (
    <Text size="sm">
      {describeCadence(days)}
      {days !== null && (
        <Text span size="xs" c="dimmed">
          {' '}
          (their circle’s default)
        </Text>
      )}
    </Text>
  );
}

/**
 * "12 April 1985", then when it next comes round and what it marks then (the age reached, how
 * many years): a birthday's or an important date's.
 */
function YearlyDate({ date: value, marks }: { date: string; marks: (years: number) => string | null }) {
  const parts = parseBirthday(value);
  if (!parts) return <Text size="sm">{value}</Text>;
  const date = new Date(Date.UTC(parts.year ?? 2000, parts.month - 1, parts.day, 12));
  const written = date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    ...(parts.year === null ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
  const next = nextBirthday(value, localDate(new Date()));
  const marked = next?.turns == null ? null : marks(next.turns);
  return (
    <Text size="sm">
      {written}
      {next && (
        <Text span size="xs" c="dimmed">
          {' '}
          · {daysUntilText(next.daysUntil)}
          {marked !== null ? `, ${marked}` : ''}
        </Text>
      )}
    </Text>
  );
}

const turns = (years: number) => `turns ${years}`;

/** A field to show, or null when it is empty (then it is only named in the "not filled in" line). */
type Shown = [label: string, value: ReactNode | null];

/** Closest first, how many of the others in the city are named before "and N more". */
const NEARBY_NAMED = 3;

/**
 * The location, the people closest to the user in the same city (someone to introduce, or to
 * see on the same trip), and a way to everyone there (the list's city filter).
 */
function Location({ contact, location }: { contact: Contact; location: string }) {
  const city = cityOf(location);
  const nearby = useRapportQuery(
    'contacts:list',
    { city: city ?? '', sort: 'strength', direction: 'desc', limit: NEARBY_NAMED + 1 },
    { enabled: city !== null },
  );
  const others = (nearby.data?.items ?? []).filter((c) => c.id !== contact.id).slice(0, NEARBY_NAMED);
  // The list leaves archived people out, this one included when archived.
  const more = (nearby.data?.total ?? 0) - others.length - (contact.archived ? 0 : 1);
  return (
    <Stack gap={2}>
      <Group gap={8}>
        <Text size="sm">{location}</Text>
        {city && (
          <Anchor component={Link} size="xs" to={`/contacts?${cityListParams(city).toString()}`}>
            Everyone in {city}
          </Anchor>
        )}
      </Group>
      {others.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="also-in-city">
          Also in {city}:{' '}
          {others.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <Anchor component={Link} size="xs" to={`/contacts/${c.id}`}>
                {c.displayName}
              </Anchor>
            </span>
          ))}
          {more > 0 && ` and ${count(more, 'other')}`}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Where a custom field's value goes when it is nothing but an https address or an email address
 * (a booking page, an assistant's mail); other text stays text. Main checks the address again.
 */
function fieldLink(value: string): string | null {
  if (/^https:\/\/[^\s/]+\.[^\s]+$/i.test(value)) return value;
  if (/^[^\s@/?#,;:<>"]+@[^\s@/?#,;:<>"]+\.[^\s@/?#,;:<>"]+$/.test(value)) return `mailto:${value}`;
  return null;
}

/** A field's value and, when others hold it too, a way to all of them (the list's field filter). */
function SharedFieldValue({ field }: { field: CustomField }) {
  const facets = useRapportQuery('contacts:facets', {});
  const held = heldBy(facets.data?.customFieldValues ?? [], field);
  return (
    <Stack gap={2}>
      {plain(field.value)}
      {held > 1 && (
        <Anchor
          component={Link}
          size="xs"
          to={`/contacts?${customFieldListParams(field.label, field.value).toString()}`}
        >
          Everyone with this ({held})
        </Anchor>
      )}
    </Stack>
  );
}

function badges<T extends string>(values: T[], render: (value: T) => ReactNode): ReactNode | null {
  return values.length > 0 ? <Group gap={6}>{values.map(render)}</Group> : null;
}

/**
 * The stored fields of a contact that hold something, read-only, so the journal and strength
 * below stay in view; the empty ones are named on one line. Organisation and title are in the
 * page's heading, and so are given and family names when they only make up the display name. Text is rendered as text, never as HTML. Links and mail addresses open
 * through `target="_blank"`: main's window-open handler checks them (https: and mailto: only)
 * and hands them to the system.
 */
export function ContactDetails({ contact }: { contact: Contact }) {
  // Given and family names that only spell out the heading's name would say it twice.
  const nameParts = [contact.givenName, contact.familyName].filter(Boolean).join(' ');
  const names: Shown[] =
    nameParts !== '' && nameParts === contact.displayName
      ? []
      : [
          ['Given name', contact.givenName && plain(contact.givenName)],
          ['Family name', contact.familyName && plain(contact.familyName)],
        ];
  const grid: Shown[] = [
    ...names,
    [
      'Circles',
      badges(contact.circles, (circle) => (
        <Badge key={circle} variant="light">
          {circleLabels[circle]}
        </Badge>
      )),
    ],
    [
      'Tags',
      badges(contact.tags, (tag) => (
        <Badge key={tag} variant="outline" color="gray">
          {tag}
        </Badge>
      )),
    ],
    [
      'Emails',
      contact.emails.length > 0
        ? contact.emails.map((e) => (
            <Group key={e.email} gap={6}>
              <Anchor size="sm" href={`mailto:${e.email}`} target="_blank" rel="noreferrer">
                {e.email}
              </Anchor>
              {e.label && (
                <Text size="xs" c="dimmed">
                  {e.label}
                </Text>
              )}
            </Group>
          ))
        : null,
    ],
    [
      'Phones',
      contact.phones.length > 0
        ? contact.phones.map((p) => (
            <Group key={p.phone} gap={6}>
              <Text size="sm">{p.phone}</Text>
              {p.label && (
                <Text size="xs" c="dimmed">
                  {p.label}
                </Text>
              )}
            </Group>
          ))
        : null,
    ],
    [
      'Links',
      contact.links.length > 0
        ? contact.links.map((l) => (
            <Group key={`${l.kind}:${l.url}`} gap={6} wrap="nowrap">
              <Text size="xs" c="dimmed" w={64}>
                {linkKindLabels[l.kind]}
              </Text>
              <Anchor size="sm" href={l.url} target="_blank" rel="noreferrer" truncate>
                {l.url}
              </Anchor>
            </Group>
          ))
        : null,
    ],
    ['Location', contact.location && <Location contact={contact} location={contact.location} />],
    ['Keep in touch', <KeepInTouchCadence key="cadence" contact={contact} />],
    ['Birthday', contact.birthday && <YearlyDate date={contact.birthday} marks={turns} />],
  ];
  const dates = contact.importantDates.map((d) => (
    <DetailField key={`date:${d.label}`} label={d.label}>
      <YearlyDate date={d.date} marks={yearsText} />
    </DetailField>
  ));
  // The user's own fields, each under its own label; an empty one is never stored, so never "not filled in".
  const custom = contact.customFields.map((f) => {
    const href = fieldLink(f.value);
    return (
      <DetailField key={`custom:${f.label}`} label={f.label}>
        {href ? (
          <Anchor size="sm" href={href} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {f.value}
          </Anchor>
        ) : (
          <SharedFieldValue field={f} />
        )}
      </DetailField>
    );
  });
  const wide: Shown[] = [
    ['How we met', contact.howWeMet && plain(contact.howWeMet)],
    ['Notes', contact.notes && plain(contact.notes)],
  ];
  const empty = [...grid, ...wide].filter(([, value]) => !value).map(([label]) => label.toLowerCase());
  const field = ([label, value]: Shown) =>
    value ? (
      <DetailField key={label} label={label}>
        {value}
      </DetailField>
    ) : null;
  return (
    <Stack gap="lg" maw={900}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {grid.map(field)}
        {dates}
        {custom}
      </SimpleGrid>
      <CareerHistory contactId={contact.id} />
      {wide.map(field)}
      <Text size="xs" c="dimmed" data-testid="contact-empty-fields">
        {empty.length > 0 && `Not filled in: ${empty.join(', ')}. `}
        Added {new Date(contact.createdAt).toLocaleDateString()} · updated{' '}
        {new Date(contact.updatedAt).toLocaleString()}
      </Text>
    </Stack>
  );
}

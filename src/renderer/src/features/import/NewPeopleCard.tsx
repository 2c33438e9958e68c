import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { circleFor, type NewPeopleCircle } from '../../../../shared/calendar/newPeopleCircle';
import type { CalendarPreview } from '../../../../shared/calendar/schemas';
import { circles } from '../../../../shared/contacts/schemas';
import { circleLabels } from '../contacts/labels';
import { count } from '../../../../shared/text/count';
import { formatWhen } from '../journal/format';
import { peopleChoices, toggled, type PeopleChoices } from './peopleChoices';
import { matchingPeople } from './peopleFilter';

/** More rows than this are not drawn; the buttons still act on everyone. */
const SHOWN = 1000;

/**
 * The people an import proposes as new contacts, most meetings first: keep or drop each, all,
 * or only those met at least a few times (years of history bring hundreds met once), or those
 * a search finds (everyone at a recruiter's domain), and for someone with a contact's name,
 * whether the address goes to that contact.
 */
export function NewPeopleCard({
  preview,
  choices,
  setChoices,
  claimAddress,
  circle,
  setCircle,
  domains,
}: {
  preview: CalendarPreview;
  choices: PeopleChoices;
  setChoices(next: PeopleChoices): void;
  /** Takes the address for one of the user's own, and previews again. */
  claimAddress(email: string): void;
  /** The circle the new contacts go into. */
  circle: NewPeopleCircle;
  setCircle(next: NewPeopleCircle): void;
  /** The user's work domains: "by_domain" makes those at them colleagues. */
  domains: readonly string[];
}) {
  const { dropped, asNew } = choices;
  const people = preview.newPeople;
  const created = peopleChoices(preview, choices).createPeople;
  const inCircle = created.filter((email) => circleFor(email, circle, domains) !== null).length;
  const [atLeast, setAtLeast] = useState<number>(2);
  const [query, setQuery] = useState('');
  // Not folded again for every tick of a box while a search is up.
  const listed = useMemo(() => matchingPeople(people, query), [people, query]);
  const searching = query.trim() !== '';
  const setDropped = (next: Set<string>) => setChoices({ dropped: next, asNew });
  /** The people found by the search, all kept or all dropped; the others as they were. */
  const setFound = (drop: boolean) => {
    const next = new Set(dropped);
    for (const p of listed) {
      if (drop) next.add(p.email);
      else next.delete(p.email);
    }
    setDropped(next);
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>New people ({people.length - dropped.size} kept)</Text>
        <Group gap="xs">
          <Button size="xs" variant="subtle" onClick={() => setDropped(new Set())}>
            Keep all
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setDropped(new Set(people.map((p) => p.email)))}>
            Drop all
          </Button>
        </Group>
      </Group>
      <Group gap="xl" mb="xs" align="end">
        <Group gap="xs" align="end">
          <NumberInput
            size="xs"
            w={130}
            min={1}
            label="Met at least"
            value={atLeast}
            onChange={(v) => setAtLeast(typeof v === 'number' && v >= 1 ? v : 1)}
            rightSection={<Text size="xs">times</Text>}
            rightSectionWidth={48}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              setDropped(new Set(people.filter((p) => p.meetings < atLeast).map((p) => p.email)))
            }
          >
            Keep only them
          </Button>
        </Group>
        <Group gap="xs" align="end">
          <TextInput
            size="xs"
            w={260}
            type="search"
            label="Find"
            placeholder="Name, address or domain"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          {searching && (
            <>
              <Text size="xs" c="dimmed" pb={6}>
                {`${listed.length} of ${count(people.length, 'person', 'people')}`}
              </Text>
              <Button
                size="xs"
                variant="light"
                disabled={listed.length === 0}
                onClick={() => setFound(false)}
              >
                Keep these
              </Button>
              <Button size="xs" variant="light" disabled={listed.length === 0} onClick={() => setFound(true)}>
                Drop these
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Group gap="xs" mb="xs" align="end">
        <Select
          size="xs"
          w={340}
          label="Circle for new contacts"
          allowDeselect={false}
          value={circle ?? 'none'}
          onChange={(v) => setCircle(v === 'none' || v === null ? null : (v as NewPeopleCircle))}
          data={[
            ...(domains.length > 0
              ? [{ value: 'by_domain', label: `Colleague if at ${domains.join(', ')}, else none` }]
              : []),
            { value: 'none', label: 'None' },
            ...circles.map((c) => ({ value: c, label: circleLabels[c] })),
          ]}
        />
        <Text size="xs" c="dimmed" pb={6}>
          {circle === null
            ? 'New contacts get no circle.'
            : `${circleLabels[circle === 'by_domain' ? 'colleague' : circle]}: ${inCircle} of ${count(created.length, 'new contact')}.`}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        People only seen in meetings larger than {preview.maxMeetingSize} are not proposed.
        {listed.length > SHOWN &&
          (searching
            ? ` The ${SHOWN.toLocaleString('en')} met most of those found are listed; "Keep these" and "Drop these" act on all ${listed.length.toLocaleString('en')}.`
            : ` The ${SHOWN.toLocaleString('en')} met most are listed; the buttons act on all ${people.length.toLocaleString('en')}.`)}
      </Text>
      <ScrollArea.Autosize mah={280}>
        <Stack gap={4}>
          {listed.slice(0, SHOWN).map((p) => (
            <Stack key={p.email} gap={2}>
              <Checkbox
                checked={!dropped.has(p.email)}
                onChange={() => setDropped(toggled(dropped, p.email))}
                label={`${p.name} <${p.email}> · ${count(p.meetings, 'meeting')}${p.droppedBefore ? ' · dropped last time' : ''}`}
                description={`Last: ${p.lastMeeting.title || 'a meeting without a title'}, ${formatWhen(p.lastMeeting.startsAt, p.lastMeeting.startsAt.length === 10)}`}
              />
              {p.looksLikeYou && (
                <Group gap="xs" ml="xl" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    Has your name: most likely another address of yours, not someone to make a contact of.
                  </Text>
                  <Button size="compact-xs" variant="light" onClick={() => claimAddress(p.email)}>
                    It is mine
                  </Button>
                </Group>
              )}
              {p.sameNameAs && !dropped.has(p.email) && (
                <Checkbox
                  ml="xl"
                  size="xs"
                  checked={!asNew.has(p.email)}
                  onChange={() => setChoices({ dropped, asNew: toggled(asNew, p.email) })}
                  label={`Is your contact ${p.sameNameAs.name}: add ${p.email} to them (untick for a new contact)`}
                />
              )}
            </Stack>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Card>
  );
}

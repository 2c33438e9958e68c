import { Avatar, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { InteractionSummary } from '../../../../shared/journal/schemas';
import { ContactAvatar } from '../contacts/ContactAvatar';
import { displayTitle, durationLabel, formatWhen, kindLabel, sourceLabel } from './format';

/** Faces drawn at the end of a row; more people are one "+N" disc. */
const FACES = 3;

/**
 * Who the row names: those the entry was with, not those its notes only mention; but news about
 * someone (a job change) is about the one it mentions, who is not otherwise named.
 */
function namedPeople(entry: InteractionSummary) {
  return entry.kind === 'job_change'
    ? entry.participants
    : entry.participants.filter((p) => p.role !== 'mentioned');
}

/** Who the entry was with (or about), as overlapping faces: the names are in the row's text. */
function Faces({ entry }: { entry: InteractionSummary }) {
  const present = namedPeople(entry);
  if (present.length === 0) return null;
  const shown = present.slice(0, FACES);
  const more = entry.participantCount - (entry.participants.length - present.length) - shown.length;
  return (
    <Avatar.Group spacing={6} aria-hidden data-testid="entry-faces">
      {shown.map((p) => (
        <ContactAvatar key={p.contactId} contact={{ id: p.contactId, ...p }} size={26} />
      ))}
      {more > 0 && <Avatar size={26}>+{more}</Avatar>}
    </Avatar.Group>
  );
}

/** One entry in a list or timeline: when, what, with whom, the start of the notes. */
export function InteractionRow({ entry, onOpen }: { entry: InteractionSummary; onOpen(id: number): void }) {
  const others = entry.participantCount - entry.participants.length;
  const people = namedPeople(entry)
    .map((p) => p.displayName)
    .join(', ');
  const meta = [
    formatWhen(entry.startsAt, entry.allDay),
    durationLabel(entry.durationMinutes),
    people &&
      `${entry.kind === 'job_change' ? 'about' : 'with'} ${people}${others > 0 ? ` and ${others} more` : ''}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <UnstyledButton
      onClick={() => onOpen(entry.id)}
      w="100%"
      h="100%"
      px="sm"
      data-entry-id={entry.id}
      aria-label={displayTitle(entry)}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={500} truncate>
            {displayTitle(entry)}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {meta}
          </Text>
          {entry.notesPreview && (
            <Text size="sm" truncate>
              {entry.notesPreview}
            </Text>
          )}
        </Stack>
        <Group gap={6} wrap="nowrap">
          <Faces entry={entry} />
          {entry.source !== 'manual' && (
            <Badge size="xs" variant="outline" color="gray">
              {sourceLabel(entry.source)}
            </Badge>
          )}
          <Badge size="sm" variant="light">
            {kindLabel(entry.kind)}
          </Badge>
        </Group>
      </Group>
    </UnstyledButton>
  );
}

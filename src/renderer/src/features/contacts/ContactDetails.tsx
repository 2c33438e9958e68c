import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { daysUntilText, nextBirthday, parseBirthday } from '../../../../shared/contacts/birthday';
import type { Contact } from '../../../../shared/contacts/schemas';
import { localDate } from '../../../../shared/journal/quickLog';
import { useRapportQuery } from '../../api/hooks';
import { circleLabels, describeCadence, linkKindLabels } from './labels';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

const none = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

function plain(value: string | null): ReactNode {
  return value ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {value}
    </Text>
  ) : (
    none
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

/** "12 April 1985", then when it next comes round and the age reached then. */
function Birthday({ birthday }: { birthday: string }) {
  const parts = parseBirthday(birthday);
  if (!parts) return <Text size="sm">{birthday}</Text>;
  const date = new Date(Date.UTC(parts.year ?? 2000, parts.month - 1, parts.day, 12));
  const written = date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    ...(parts.year === null ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
  const next = nextBirthday(birthday, localDate(new Date()));
  return (
    <Text size="sm">
      {written}
      {next && (
        <Text span size="xs" c="dimmed">
          {' '}
          · {daysUntilText(next.daysUntil)}
          {next.turns !== null ? `, turns ${next.turns}` : ''}
        </Text>
      )}
    </Text>
  );
}

/**
 * Every stored field of a contact, read-only. Text is rendered as text, never as HTML.
 * Links and mail addresses open through `target="_blank"`: main's window-open handler
 * checks them (https: and mailto: only) and hands them to the system.
 */
export function ContactDetails({ contact }: { contact: Contact }) {
  return (
    <Stack gap="lg" maw={900}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Field label="Given name">{plain(contact.givenName)}</Field>
        <Field label="Family name">{plain(contact.familyName)}</Field>
        <Field label="Organisation">{plain(contact.organisation)}</Field>
        <Field label="Title">{plain(contact.title)}</Field>
        <Field label="Circles">
          {contact.circles.length > 0 ? (
            <Group gap={6}>
              {contact.circles.map((circle) => (
                <Badge key={circle} variant="light">
                  {circleLabels[circle]}
                </Badge>
              ))}
            </Group>
          ) : (
            none
          )}
        </Field>
        <Field label="Tags">
          {contact.tags.length > 0 ? (
            <Group gap={6}>
              {contact.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            none
          )}
        </Field>
        <Field label="Emails">
          {contact.emails.length > 0
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
            : none}
        </Field>
        <Field label="Phones">
          {contact.phones.length > 0
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
            : none}
        </Field>
        <Field label="Links">
          {contact.links.length > 0
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
            : none}
        </Field>
        <Field label="Keep in touch">
          <KeepInTouchCadence contact={contact} />
        </Field>
        <Field label="Birthday">{contact.birthday ? <Birthday birthday={contact.birthday} /> : none}</Field>
      </SimpleGrid>
      <Field label="How we met">{plain(contact.howWeMet)}</Field>
      <Field label="Notes">{plain(contact.notes)}</Field>
      <Text size="xs" c="dimmed">
        Added {new Date(contact.createdAt).toLocaleDateString()} · updated{' '}
        {new Date(contact.updatedAt).toLocaleString()}
      </Text>
    </Stack>
  );
}

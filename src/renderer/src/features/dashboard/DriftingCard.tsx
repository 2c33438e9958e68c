import { Anchor, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { StrengthRow } from '../../../../shared/strength/schemas';
import { lastContactText } from '../../../../shared/text/since';
import { useRapportQuery } from '../../api/hooks';
import { ContactAvatar } from '../contacts/ContactAvatar';
import { StrengthMeter } from '../strength/StrengthMeter';

const SHOWN = 5;

function DriftingRow({ row, now }: { row: StrengthRow; now: Date }) {
  // Momentum now as a share of a month ago: the bar is what is left of it.
  const left = row.mPrev > 0 ? Math.max(0, Math.min(1, row.m / row.mPrev)) : 0;
  const fall = Math.round((1 - left) * 100);
  return (
    <Group gap="sm" wrap="nowrap" data-testid="drifting-row">
      <StrengthMeter layer={row.layer} t={row.t} trend={row.trend} />
      <ContactAvatar
        contact={{ id: row.contactId, displayName: row.displayName, photo: row.photo }}
        size={28}
        aria-hidden
      />
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Anchor component={Link} to={`/contacts/${row.contactId}`} size="sm" truncate>
          {row.displayName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {lastContactText(row.lastAt, now)}
        </Text>
      </Stack>
      <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
        <Progress
          value={left * 100}
          color="orange"
          w={72}
          size="sm"
          aria-label={`Momentum ${fall}% lower than a month ago`}
        />
        <Text size="xs" c="orange" w={36} ta="right">
          −{fall}%
        </Text>
      </Group>
    </Group>
  );
}

/** The relationships cooling fastest: momentum this month against a month ago, largest fall first. */
export function DriftingCard() {
  const drifting = useRapportQuery('strength:drifting', { limit: SHOWN });
  const rows = drifting.data ?? [];
  const now = new Date();
  return (
    <Card withBorder aria-label="Drifting">
      <Stack gap="xs">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={4}>Drifting</Title>
            <Text size="xs" c="dimmed">
              The largest falls in momentum over the last month
            </Text>
          </Stack>
          <Anchor component={Link} to="/contacts?order=longest" size="xs">
            Longest since contact
          </Anchor>
        </Group>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nobody is cooling: no relationship has lost momentum over the last month.
          </Text>
        ) : (
          rows.map((row) => <DriftingRow key={row.contactId} row={row} now={now} />)
        )}
      </Stack>
    </Card>
  );
}

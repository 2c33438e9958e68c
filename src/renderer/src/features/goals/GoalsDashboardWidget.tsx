import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRapportQuery } from '../../api/hooks';
import { GoalRing } from './GoalRing';
import { daysLeftText, progressText } from './labels';

/**
 * Goals behind target whose period is ending, each with the people who would help most
 * (those it is about whom the user has not seen for longest). Renders nothing when all is well.
 */
export function GoalsDashboardWidget() {
  const items = useRapportQuery('goals:dashboard', {});
  if (!items.data || items.data.length === 0) return null;
  return (
    <Card withBorder data-testid="goals-dashboard">
      <Title order={4} mb="xs">
        Goals that need you this period
      </Title>
      <Stack gap="sm">
        {items.data.map(({ summary, helpers }) => (
          <Group key={summary.definition.id} wrap="nowrap" align="flex-start">
            <GoalRing goal={summary} size={56} />
            <Stack gap={2}>
              <Anchor component={Link} to={`/goals/${summary.definition.id}`} fw={600}>
                {summary.definition.title}
              </Anchor>
              <Text size="sm">
                {progressText(summary)} · {daysLeftText(summary)}
              </Text>
              {helpers.length > 0 && (
                <Text size="sm" c="dimmed">
                  Who could help:{' '}
                  {helpers.map((h, i) => (
                    <span key={h.id}>
                      {i > 0 && ', '}
                      <Anchor component={Link} to={`/contacts/${h.id}`} size="sm">
                        {h.displayName}
                      </Anchor>
                      {h.lastSeen ? '' : ' (never logged)'}
                    </span>
                  ))}
                </Text>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

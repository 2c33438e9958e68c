import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { GoalSummary } from '../../../../shared/goals/schemas';
import { GoalRing } from './GoalRing';
import { daysLeftText, progressText, statusColors, statusLabels } from './labels';

/** One goal in a list: ring, title, progress in words, time left. */
export function GoalCard({ goal }: { goal: GoalSummary }) {
  const d = goal.definition;
  const left = daysLeftText(goal);
  return (
    <Card
      withBorder
      padding="sm"
      component={Link}
      to={`/goals/${d.id}`}
      data-testid="goal-card"
      data-goal-id={d.id}
      aria-label={d.title}
    >
      <Group wrap="nowrap" align="center">
        <GoalRing goal={goal} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {d.title}
          </Text>
          <Text size="sm" data-testid="goal-progress">
            {progressText(goal)}
          </Text>
          <Group gap={6}>
            {d.status !== 'active' && (
              <Badge size="xs" color={statusColors[d.status]}>
                {statusLabels[d.status]}
              </Badge>
            )}
            {goal.current?.met && (
              <Badge size="xs" color="teal">
                Met
              </Badge>
            )}
            {d.status === 'active' && goal.behind && (
              <Badge size="xs" color="orange">
                Behind
              </Badge>
            )}
            {left && d.status === 'active' && (
              <Text size="xs" c="dimmed">
                {left}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

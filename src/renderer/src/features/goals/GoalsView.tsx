import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { goalStatuses } from '../../../../shared/goals/schemas';
import { useRapportQuery } from '../../api/hooks';
import { GoalCard } from './GoalCard';
import { statusLabels } from './labels';
import { NewGoalModal } from './NewGoalModal';

/** Every goal, grouped by status; main sorts each group by urgency. */
export function GoalsView() {
  const goals = useRapportQuery('goals:list', {});
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Goals</Title>
        <Button onClick={() => setCreating(true)}>New goal</Button>
      </Group>
      <NewGoalModal opened={creating} onClose={() => setCreating(false)} />
      {goals.isPending && <Loader />}
      {goals.error && <Alert color="red">{goals.error.message}</Alert>}
      {goals.data?.length === 0 && (
        <Alert title="No goals yet">
          Turn a networking strategy into a goal: pick one of the templates and Rapport measures it from your
          journal.
        </Alert>
      )}
      {goalStatuses.map((status) => {
        const group = (goals.data ?? []).filter((g) => g.definition.status === status);
        if (group.length === 0) return null;
        return (
          <Stack key={status} gap="xs" data-testid={`goals-${status}`}>
            <Text fw={600} c="dimmed" size="sm" tt="uppercase">
              {statusLabels[status]} ({group.length})
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
              {group.map((g) => (
                <GoalCard key={g.definition.id} goal={g} />
              ))}
            </SimpleGrid>
          </Stack>
        );
      })}
    </Stack>
  );
}

import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { goalTemplates } from '../../../../shared/goals/templates';
import { goalStatuses } from '../../../../shared/goals/schemas';
import { useRapportQuery } from '../../api/hooks';
import { GoalCard } from './GoalCard';
import { statusLabels } from './labels';
import { NewGoalModal } from './NewGoalModal';
import { localDate } from '../../../../shared/journal/quickLog';

/** Every goal, grouped by status; main sorts each group by urgency. */
export function GoalsView() {
  const goals = useRapportQuery('goals:list', {});
  // Open with a template's form already (its id), or at the choice of templates (null).
  const [creating, setCreating] = useState<{ startWith: string | null } | null>(null);
  const templates = useMemo(() => goalTemplates(localDate(new Date())), []);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Goals</Title>
        <Button onClick={() => setCreating({ startWith: null })}>New goal</Button>
      </Group>
      <NewGoalModal
        opened={creating !== null}
        startWith={creating?.startWith ?? null}
        onClose={() => setCreating(null)}
      />
      {goals.isPending && <Loader />}
      {goals.error && <Alert color="red">{goals.error.message}</Alert>}
      {goals.data?.length === 0 && (
        <Alert title="No goals yet">
          <Stack gap="xs">
            <Text size="sm">
              Turn a networking strategy into a goal, and Rapport measures it from your journal. Start with
              one:
            </Text>
            <Group gap="xs" role="group" aria-label="Strategies">
              {templates.map((t) => (
                <Button
                  key={t.id}
                  size="xs"
                  variant="white"
                  title={t.fields.title}
                  onClick={() => setCreating({ startWith: t.id })}
                >
                  {t.strategy}
                </Button>
              ))}
            </Group>
          </Stack>
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

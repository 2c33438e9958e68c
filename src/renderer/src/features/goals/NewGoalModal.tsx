import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { goalTemplates } from '../../../../shared/goals/templates';
import type { GoalTemplate } from '../../../../shared/goals/schemas';
import { GoalForm, draftFrom } from './GoalForm';
import { measureLabels } from './labels';
import { useGoalsWrite } from './useGoals';
import { localDate } from '../../../../shared/journal/quickLog';

/**
 * Pick a strategy's template (or start blank), adjust it, save it. `startWith` opens it at that
 * template's form (a template's id), the way the empty Goals page offers them.
 */
export function NewGoalModal({
  opened,
  startWith = null,
  onClose,
}: {
  opened: boolean;
  startWith?: string | null;
  onClose(): void;
}) {
  const templates = useMemo(() => goalTemplates(localDate(new Date())), []);
  const [chosen, setChosen] = useState<GoalTemplate | null>(null);
  useEffect(() => {
    if (opened && startWith !== null) setChosen(templates.find((t) => t.id === startWith) ?? null);
  }, [opened, startWith, templates]);
  const write = useGoalsWrite();
  const navigate = useNavigate();
  const close = () => {
    setChosen(null);
    onClose();
  };
  const blank: GoalTemplate = {
    id: 'blank',
    strategy: 'Blank goal',
    description: '',
    fields: { title: '', startDate: localDate(new Date()), measure: 'count', target: 1, period: 'month' },
  };
  return (
    <Modal opened={opened} onClose={close} title={chosen ? 'New goal' : 'Choose a strategy'} size="xl">
      {chosen ? (
        <GoalForm
          key={chosen.id}
          initial={draftFrom({ ...chosen.fields, template: chosen.id === 'blank' ? null : chosen.id })}
          submitLabel="Create goal"
          onCancel={() => setChosen(null)}
          onSubmit={async (fields) => {
            const goal = await write('goals:create', fields);
            close();
            void navigate(`/goals/${goal.id}`);
          }}
        />
      ) : (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {templates.map((t) => (
              <Card key={t.id} withBorder padding="sm" data-testid={`template-${t.id}`}>
                <Stack gap={4} h="100%">
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{t.strategy}</Text>
                    <Badge variant="light" size="sm">
                      {measureLabels[t.fields.measure]}
                    </Badge>
                  </Group>
                  <Text size="sm">{t.fields.title}</Text>
                  <Text size="xs" c="dimmed" style={{ flex: 1 }}>
                    {t.description}
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setChosen(t)}
                    aria-label={`Use template: ${t.strategy}`}
                  >
                    Use this
                  </Button>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setChosen(blank)}>
              Start from a blank goal
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

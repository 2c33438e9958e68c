import { Card, SimpleGrid, Text } from '@mantine/core';
import { useRapportQuery } from '../../api/hooks';
import { GoalCard } from './GoalCard';

/** The goals that name this contact, on their page. Nothing when there are none. */
export function ContactGoals({ contactId }: { contactId: number }) {
  const goals = useRapportQuery('goals:forContact', { contactId });
  if (!goals.data || goals.data.length === 0) return null;
  return (
    <Card withBorder data-testid="contact-goals">
      <Text fw={600} mb="xs">
        Goals with them
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {goals.data.map((g) => (
          <GoalCard key={g.definition.id} goal={g} />
        ))}
      </SimpleGrid>
    </Card>
  );
}

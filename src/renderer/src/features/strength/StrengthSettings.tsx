import { Alert, Button, Group, Loader, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { interactionKindLabels, type InteractionKind } from '../../../../shared/journal/kinds';
import type { StrengthParams } from '../../../../shared/strength/params';
import { useRapportMutation, useRapportQuery } from '../../api/hooks';

const weightedKinds: InteractionKind[] = [
  'meeting',
  'coffee',
  'event',
  'project',
  'video',
  'call',
  'message',
  'email',
  'note',
];

/**
 * The strength model's parameters (DESIGN section 4): half-lives, weights and the meeting-size
 * caps. Saving recomputes every score, layer and tie at once.
 */
export function StrengthSettings() {
  const query = useRapportQuery('strength:getParams', {});
  const save = useRapportMutation('strength:setParams');
  const client = useQueryClient();
  const [draft, setDraft] = useState<StrengthParams | null>(null);

  if (query.isPending) return <Loader size="sm" aria-label="Loading strength settings" />;
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {query.error.message}
      </Alert>
    );
  }
  const { params, defaults } = query.data;
  const value = draft ?? params;
  const set = (patch: Partial<StrengthParams>) => setDraft({ ...value, ...patch });
  const num = (v: string | number, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  const done = () => {
    setDraft(null);
    void client.invalidateQueries();
  };

  return (
    <Stack gap="sm" aria-label="Relationship strength settings">
      <Title order={3}>Relationship strength</Title>
      <Text size="sm" c="dimmed">
        Scores are in 30-minute one-to-one equivalents; older contact counts less. Changes apply to every
        score at once.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label="Half-life (days)"
          description={`How long until contact counts half (default ${defaults.halfLifeDays})`}
          min={1}
          max={3650}
          value={value.halfLifeDays}
          onChange={(v) => set({ halfLifeDays: num(v, value.halfLifeDays) })}
        />
        <NumberInput
          label="Momentum half-life (days)"
          description={`For warming and cooling (default ${defaults.momentumHalfLifeDays})`}
          min={1}
          max={3650}
          value={value.momentumHalfLifeDays}
          onChange={(v) => set({ momentumHalfLifeDays: num(v, value.momentumHalfLifeDays) })}
        />
        <NumberInput
          label="Largest meeting that counts"
          description={`People, you included (default ${defaults.maxMeetingSize})`}
          min={2}
          max={10000}
          value={value.maxMeetingSize}
          onChange={(v) => set({ maxMeetingSize: num(v, value.maxMeetingSize) })}
        />
        <NumberInput
          label="Largest meeting that ties two contacts"
          description={`(default ${defaults.tieMaxMeetingSize})`}
          min={3}
          max={10000}
          value={value.tieMaxMeetingSize}
          onChange={(v) => set({ tieMaxMeetingSize: num(v, value.tieMaxMeetingSize) })}
        />
        <NumberInput
          label="Started by them"
          description={`Weight when they reached out (default ${defaults.directionWeights.them})`}
          min={0}
          max={10}
          step={0.05}
          decimalScale={2}
          value={value.directionWeights.them}
          onChange={(v) =>
            set({
              directionWeights: { ...value.directionWeights, them: num(v, value.directionWeights.them) },
            })
          }
        />
        <NumberInput
          label="Backbone ties per contact"
          description={`Strongest ties drawn per contact (default ${defaults.backboneK})`}
          min={1}
          max={20}
          value={value.backboneK}
          onChange={(v) => set({ backboneK: num(v, value.backboneK) })}
        />
      </SimpleGrid>
      <Text size="sm" fw={600}>
        Weight of each kind of interaction
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {weightedKinds.map((kind) => (
          <NumberInput
            key={kind}
            label={interactionKindLabels[kind]}
            min={0}
            max={10}
            step={0.05}
            decimalScale={2}
            value={value.kindWeights[kind]}
            onChange={(v) =>
              set({ kindWeights: { ...value.kindWeights, [kind]: num(v, value.kindWeights[kind]) } })
            }
          />
        ))}
      </SimpleGrid>
      {save.isError && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Group>
        <Button
          disabled={draft === null}
          loading={save.isPending}
          onClick={() => save.mutate({ patch: { ...value }, reset: false }, { onSuccess: done })}
        >
          Save
        </Button>
        <Button
          variant="default"
          loading={save.isPending}
          onClick={() => save.mutate({ reset: true }, { onSuccess: done })}
        >
          Reset to defaults
        </Button>
      </Group>
    </Stack>
  );
}

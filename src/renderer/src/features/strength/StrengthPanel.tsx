import '@mantine/charts/styles.css';
import { Sparkline } from '@mantine/charts';
import { Alert, Badge, Card, Group, Loader, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { layers, type Layer } from '../../../../shared/strength/model';
import { useRapportMutation, useRapportQuery } from '../../api/hooks';
import { formatStrength, layerColors, layerLabels, layerShort, trendArrows, trendWords } from './labels';

const AUTO = 'auto';

/**
 * A contact's relationship strength and everything behind it: the layer (the user's pin wins,
 * the computed one stays visible), the trend from momentum, 24 months of history, and the
 * contributions that add up to the number.
 */
export function StrengthPanel({ contactId }: { contactId: number }) {
  const detail = useRapportQuery('strength:contact', { contactId });
  const setPin = useRapportMutation('strength:setPin');
  const client = useQueryClient();

  if (detail.isPending) return <Loader size="sm" aria-label="Loading strength" />;
  if (detail.isError) {
    return (
      <Alert color="red" role="alert" title="Strength unavailable">
        {detail.error.message}
      </Alert>
    );
  }
  const d = detail.data;
  const row = d.row;

  const pin = (value: string | null) => {
    const layer = value === null || value === AUTO ? null : (value as Layer);
    setPin.mutate(
      { contactId, layer },
      { onSuccess: () => void client.invalidateQueries({ queryKey: ['strength'] }) },
    );
  };

  return (
    <Card withBorder padding="md" aria-label="Relationship strength">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>Relationship strength</Title>
            <Group gap="xs" align="baseline">
              <Text fz={32} fw={700} data-testid="strength-value">
                {formatStrength(row.t)}
              </Text>
              <Tooltip label={trendWords[row.trend]}>
                <Text fz={24} aria-label={`Trend: ${trendWords[row.trend]}`} data-testid="strength-trend">
                  {trendArrows[row.trend]}
                </Text>
              </Tooltip>
            </Group>
            <Text size="xs" c="dimmed">
              In 30-minute one-to-one equivalents, recent contact counting most.
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Badge color={layerColors[row.layer]} size="lg" data-testid="strength-layer">
              {layerShort[row.layer]}
            </Badge>
            {row.pinnedLayer && (
              <Text size="xs" c="dimmed">
                Pinned; computed: {layerShort[row.computedLayer]}
              </Text>
            )}
          </Stack>
        </Group>

        <div>
          <Text size="xs" c="dimmed">
            Last 24 months
          </Text>
          <Sparkline
            w="100%"
            h={48}
            data={d.series.map((p) => p.t)}
            curveType="monotone"
            color="indigo"
            fillOpacity={0.3}
            strokeWidth={2}
            aria-label={`Strength over the last 24 months, from ${formatStrength(d.series[0]?.t ?? 0)} to ${formatStrength(row.t)}`}
          />
        </div>

        <div>
          <Text fw={600} size="sm">
            Why
          </Text>
          {d.groups.length === 0 ? (
            <Text size="sm" c="dimmed">
              No interactions logged with this contact yet.
            </Text>
          ) : (
            <Table withRowBorders={false} verticalSpacing={2} aria-label="What makes the strength">
              <Table.Tbody>
                {d.groups.map((g) => (
                  <Table.Tr key={g.key}>
                    <Table.Td>
                      {g.count} {g.label}
                    </Table.Td>
                    <Table.Td ta="right">{g.contribution.toFixed(1)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" mt={4} data-testid="strength-reciprocity">
            {d.reciprocity}
          </Text>
        </div>

        <Select
          label="Layer"
          description="Pin a layer if you know better; the computed one is kept too."
          data={[
            { value: AUTO, label: `Automatic (${layerShort[row.computedLayer]})` },
            ...layers.map((l) => ({ value: l, label: layerLabels[l] })),
          ]}
          value={row.pinnedLayer ?? AUTO}
          onChange={pin}
          allowDeselect={false}
          disabled={setPin.isPending}
        />
        {setPin.isError && (
          <Alert color="red" role="alert">
            {setPin.error.message}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

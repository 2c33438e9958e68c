import { Alert, Code, Loader, Stack, Table, Text } from '@mantine/core';
import { useRapportQuery } from '../../api/hooks';

export function DataLocationSection() {
  const info = useRapportQuery('settings:appInfo', {});
  if (info.isPending) return <Loader size="sm" />;
  if (info.isError) return <Alert color="red">{info.error.message}</Alert>;
  const { dataDir, databasePath, version, schemaVersion } = info.data;
  return (
    <Stack gap="xs">
      <Table variant="vertical" withTableBorder={false} layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={160}>Data folder</Table.Th>
            <Table.Td>
              <Code style={{ overflowWrap: 'anywhere' }}>{dataDir}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Database</Table.Th>
            <Table.Td>
              <Code style={{ overflowWrap: 'anywhere' }}>{databasePath}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Td>
              Rapport {version}, schema {schemaVersion}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        To keep your data elsewhere, start Rapport with the environment variable <Code>RAPPORT_DATA_DIR</Code>{' '}
        set to another folder.
      </Text>
    </Stack>
  );
}

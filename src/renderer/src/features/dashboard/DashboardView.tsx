import {
  Anchor,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Menu,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { cityListParams } from '../../../../shared/contacts/listState';
import type { FollowUp } from '../../../../shared/followUps/schemas';
import type { Dashboard, ReconnectItem } from '../../../../shared/journal/views';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { ContactAvatar } from '../contacts/ContactAvatar';
import { congratulate, EntryModal, wishWell, type EntryTarget } from '../journal/EntryModal';
import { InteractionRow } from '../journal/InteractionRow';
import { useJournalWrite } from '../journal/useJournal';
import { ActivityHeatmap } from './ActivityHeatmap';
import { DriftingCard } from './DriftingCard';
import { NewJobsCard } from './NewJobsCard';
import { ComingUp, soonestOccasions } from './ComingUp';
import { GoalsDashboardWidget } from '../goals/GoalsDashboardWidget';
import { FollowUpsCard } from '../followUps/FollowUpsCard';
import { useOpenFollowUps } from '../followUps/useOpenFollowUps';
import { count } from '../../../../shared/text/count';

function since(item: ReconnectItem): string {
  if (item.lastContactAt === null) return `Never logged · added ${count(item.daysSince, 'day')} ago`;
  return `Last contact ${count(item.daysSince, 'day')} ago`;
}

function ReconnectRow({
  item,
  next,
  occasion,
  onLog,
}: {
  item: ReconnectItem;
  /** The most urgent open follow-up with them: what the catch-up is for. */
  next?: FollowUp;
  /** Their birthday or a date of theirs coming round: a reason to get in touch. */
  occasion?: string;
  onLog(item: ReconnectItem): void;
}) {
  const write = useJournalWrite();
  const snooze = (days: number, label: string) =>
    void write('reconnect:snooze', { contactId: item.contactId, days }).then(
      () => notifications.show({ message: `${item.displayName} snoozed for ${label}.` }),
      (e: RapportError) => notifications.show({ message: e.message, color: 'red' }),
    );
  return (
    <Table.Tr data-contact-id={item.contactId}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ContactAvatar
            contact={{ id: item.contactId, displayName: item.displayName, photo: item.photo }}
            size={32}
            aria-hidden
          />
          <div>
            <Link to={`/contacts/${item.contactId}`}>{item.displayName}</Link>
            <Text size="xs" c="dimmed">
              {since(item)} · every {count(item.cadenceDays, 'day')}
            </Text>
            {next && (
              <Text size="xs" data-testid="reconnect-next">
                Next: {next.text}
              </Text>
            )}
            {occasion && (
              <Text size="xs" c="pink.7" data-testid="reconnect-occasion">
                {occasion}
              </Text>
            )}
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge
          color={item.overdueRatio >= 2 ? 'red' : 'orange'}
          variant="light"
          miw={52}
          title={`${item.overdueRatio.toFixed(1)} times the cadence since the last contact`}
        >
          {item.overdueRatio >= 10 ? Math.round(item.overdueRatio) : item.overdueRatio.toFixed(1)}×
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            onClick={() => onLog(item)}
            aria-label={`Log interaction with ${item.displayName}`}
          >
            Log
          </Button>
          <Menu>
            <Menu.Target>
              <Button size="xs" variant="default" aria-label={`Snooze ${item.displayName}`}>
                Snooze
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => snooze(7, 'a week')}>A week</Menu.Item>
              <Menu.Item onClick={() => snooze(30, 'a month')}>A month</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** One row of a count chart: what is counted, a bar against the largest count, and the count. */
function CountBar({
  name,
  label,
  count,
  most,
  color,
}: {
  /** What the bar counts, for screen readers. */
  name: string;
  label: ReactNode;
  count: number;
  most: number;
  color?: string;
}) {
  return (
    <Group gap="sm" wrap="nowrap">
      {label}
      <Progress
        value={(100 * count) / most}
        color={color}
        style={{ flex: 1 }}
        aria-label={`${name}: ${count}`}
      />
      <Text size="sm" w={40} ta="right">
        {count}
      </Text>
    </Group>
  );
}

/** Where the network is: the cities with the most people, each opening the list of them. */
function CitiesCard({ cities, unlocated }: Pick<Dashboard, 'cities' | 'unlocated'>) {
  const most = Math.max(1, ...cities.map((c) => c.count));
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>Where they are</Title>
        {cities.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nobody has a location yet. Add one on a contact's page (“Lisbon, Portugal”), or import contacts
            with addresses, to see your network by city.
          </Text>
        ) : (
          <Stack gap={6} aria-label="Contacts per city">
            {cities.map((c) => (
              <CountBar
                key={c.city}
                name={c.city}
                label={
                  <Anchor
                    component={Link}
                    to={`/contacts?${cityListParams(c.city).toString()}`}
                    size="sm"
                    w={120}
                    truncate
                  >
                    {c.city}
                  </Anchor>
                }
                count={c.count}
                most={most}
                color="teal"
              />
            ))}
            {unlocated > 0 && (
              <Text size="xs" c="dimmed">
                {count(unlocated, 'contact')} without a location
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Who to reconnect with, what to follow up, what happened lately, who is drifting, the network by circle, and a year of activity. */
export function DashboardView() {
  const dashboard = useRapportQuery('dashboard:get', { tzOffsetMinutes: -new Date().getTimezoneOffset() });
  const [target, setTarget] = useState<EntryTarget>(null);
  // Open follow-ups, most urgent first: the first one per person rides along in their reconnect row.
  const followUps = useOpenFollowUps();
  const nextStep = new Map<number, FollowUp>();
  for (const f of followUps.data?.items ?? []) if (!nextStep.has(f.contactId)) nextStep.set(f.contactId, f);
  if (dashboard.isPending) return <Loader aria-label="Loading the dashboard" />;
  if (dashboard.isError) return <Alert color="red">{dashboard.error.message}</Alert>;
  const d = dashboard.data;
  const perCircle = [...d.circles, { circle: 'no circle', count: d.uncategorised }];
  const occasions = soonestOccasions(d.birthdays, d.importantDates);
  const mostPerCircle = Math.max(1, ...perCircle.map((c) => c.count));
  return (
    <Stack gap="lg">
      <Title order={2}>Dashboard</Title>
      <GoalsDashboardWidget />
      <ComingUp
        birthdays={d.birthdays}
        dates={d.importantDates}
        onWish={(e) => setTarget(wishWell(e, e.occasion))}
      />
      <NewJobsCard
        jobChanges={d.jobChanges}
        waiting={d.jobChangesWaiting}
        onLog={(j) => setTarget(congratulate({ contactId: j.contactId, displayName: j.displayName }))}
      />
      <Card withBorder>
        <Stack gap="xs">
          <Title order={4}>Activity</Title>
          <ActivityHeatmap from={d.activityFrom} to={d.activityTo} activity={d.activity} />
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4}>Reconnect</Title>
              <Text size="sm" c="dimmed">
                {d.reconnectTotal} due
              </Text>
            </Group>
            {d.reconnect.length === 0 ? (
              <Text c="dimmed" size="sm">
                Nobody is overdue. Cadences come from each contact's circles (Settings) or their own page.
              </Text>
            ) : (
              <Table aria-label="Reconnect queue">
                <Table.Tbody>
                  {d.reconnect.map((item) => (
                    <ReconnectRow
                      key={item.contactId}
                      item={item}
                      next={nextStep.get(item.contactId)}
                      occasion={occasions.get(item.contactId)}
                      onLog={(i) =>
                        setTarget({ preset: [{ contactId: i.contactId, displayName: i.displayName }] })
                      }
                    />
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Card>
        <FollowUpsCard />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4}>Recent interactions</Title>
              <Button component={Link} to="/journal" size="xs" variant="subtle">
                Journal
              </Button>
            </Group>
            {d.recent.length === 0 ? (
              <Text c="dimmed" size="sm">
                Nothing logged yet. Log a coffee, a call or a meeting from the Journal or a contact's page.
              </Text>
            ) : (
              <Stack gap={0} aria-label="Recent interactions">
                {d.recent.slice(0, 6).map((e) => (
                  <div key={e.id} style={{ height: 72 }}>
                    <InteractionRow entry={e} onOpen={(id) => setTarget({ id })} />
                  </div>
                ))}
              </Stack>
            )}
          </Stack>
        </Card>
        <DriftingCard />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4}>Contacts per circle</Title>
              <Button component={Link} to="/duplicates" size="xs" variant="subtle">
                Find duplicates
              </Button>
            </Group>
            <Stack gap={6} aria-label="Contacts per circle">
              {perCircle.map((c) => (
                <CountBar
                  key={c.circle}
                  name={c.circle}
                  label={
                    <Text size="sm" w={90} tt="capitalize">
                      {c.circle}
                    </Text>
                  }
                  count={c.count}
                  most={mostPerCircle}
                />
              ))}
            </Stack>
          </Stack>
        </Card>
        <CitiesCard cities={d.cities} unlocated={d.unlocated} />
      </SimpleGrid>
      <EntryModal target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}

import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  Menu,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { interactionKindLabels } from '../../../../shared/journal/kinds';
import { goalStatuses, type GoalDetail } from '../../../../shared/goals/schemas';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { GoalForm, draftFromGoal } from './GoalForm';
import { GoalRing } from './GoalRing';
import { daysLeftText, layerLabels, periodName, progressText, statusColors, statusLabels } from './labels';
import { useGoalsWrite } from './useGoals';
import { localDate } from '../../../../shared/journal/quickLog';

function formatStart(startsAt: string, allDay: boolean): string {
  if (allDay) return new Date(`${startsAt}T12:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC' });
  return new Date(startsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function History({ goal, onPick }: { goal: GoalDetail; onPick(key: string): void }) {
  const d = goal.definition;
  if (d.measure === 'milestones' || d.period === 'total' || goal.history.length < 2) return null;
  const data = goal.history.map((p) => ({
    period: periodName(p, d.period),
    key: p.key,
    'From the journal': p.fromData,
    'Checked in': p.fromCheckins,
  }));
  const target = goal.current?.target ?? 0;
  return (
    <Card withBorder data-testid="goal-history">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Past {goal.history.length} periods</Text>
          <Select
            size="xs"
            aria-label="Show what counted in"
            data={[...goal.history].reverse().map((p) => ({ value: p.key, label: periodName(p, d.period) }))}
            value={goal.shownPeriodKey}
            onChange={(v) => v && onPick(v)}
            allowDeselect={false}
          />
        </Group>
        <BarChart
          h={220}
          data={data}
          dataKey="period"
          type="stacked"
          series={[
            { name: 'From the journal', color: 'blue.6' },
            { name: 'Checked in', color: 'grape.4' },
          ]}
          referenceLines={target > 0 ? [{ y: target, label: `Target ${target}`, color: 'orange.6' }] : []}
          tickLine="y"
          barProps={{
            onClick: (bar: { payload?: { key?: string } }) => bar.payload?.key && onPick(bar.payload.key),
          }}
        />
      </Stack>
    </Card>
  );
}

function Counted({ goal }: { goal: GoalDetail }) {
  const d = goal.definition;
  if (d.measure === 'milestones') return null;
  const shown = goal.history.find((p) => p.key === goal.shownPeriodKey);
  const when =
    shown && d.period !== 'total' && d.measure !== 'relationship' ? ` in ${periodName(shown, d.period)}` : '';
  const names = new Map(goal.people.map((p) => [p.id, p.displayName]));
  return (
    <SimpleGrid cols={{ base: 1, md: d.measure === 'relationship' ? 1 : 2 }}>
      {d.measure !== 'relationship' && !(d.measure === 'people' && d.peopleSource === 'contacts') && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            What counted{when} ({goal.interactions.length})
          </Text>
          {goal.interactions.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing in the journal matches yet.
            </Text>
          ) : (
            <List spacing={4} size="sm" listStyleType="none" data-testid="goal-interactions">
              {goal.interactions.map((i) => (
                <List.Item key={i.id}>
                  <Anchor component={Link} to={`/journal?entry=${i.id}`}>
                    {i.title || interactionKindLabels[i.kind]}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {interactionKindLabels[i.kind]} · {formatStart(i.startsAt, i.allDay)}
                    {i.contactIds.length > 0 &&
                      ` · ${i.contactIds.map((c) => names.get(c) ?? `#${c}`).join(', ')}`}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      )}
      <Card withBorder>
        <Text fw={600} mb="xs">
          {d.measure === 'relationship'
            ? 'People and where they stand'
            : `People${when} (${goal.people.length})`}
        </Text>
        {goal.people.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody yet.
          </Text>
        ) : (
          <List spacing={4} size="sm" listStyleType="none" data-testid="goal-people">
            {goal.people.map((p) => (
              <List.Item key={p.id}>
                <Anchor component={Link} to={`/contacts/${p.id}`}>
                  {p.displayName}
                </Anchor>{' '}
                {p.layer && (
                  <Badge size="xs" variant="light">
                    {layerLabels[p.layer]}
                  </Badge>
                )}
                <Text span size="xs" c="dimmed">
                  {p.lastSeen
                    ? ` · last seen ${formatStart(p.lastSeen, p.lastSeen.length === 10)}`
                    : ' · not seen yet'}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </SimpleGrid>
  );
}

function Milestones({ goal }: { goal: GoalDetail }) {
  const write = useGoalsWrite();
  if (goal.definition.measure !== 'milestones') return null;
  return (
    <Card withBorder data-testid="goal-milestones">
      <Text fw={600} mb="xs">
        Milestones
      </Text>
      <Stack gap="xs">
        {goal.milestones.map((m) => (
          <Group key={m.id} gap="xs" wrap="nowrap" data-testid="milestone" data-done={m.done}>
            <Checkbox
              checked={m.done}
              disabled={m.matchedInteractionId !== null}
              aria-label={m.title}
              onChange={(e) =>
                void write('goals:setMilestoneDone', { id: m.id, done: e.currentTarget.checked }).catch(
                  (err: RapportError) => notifications.show({ color: 'red', message: err.message }),
                )
              }
            />
            <Text size="sm">{m.title}</Text>
            {m.contactId !== null && (
              <Anchor component={Link} to={`/contacts/${m.contactId}`} size="sm">
                {m.contactName}
              </Anchor>
            )}
            {m.matchedInteractionId !== null && (
              <Anchor component={Link} to={`/journal?entry=${m.matchedInteractionId}`} size="xs">
                ticked by the journal
              </Anchor>
            )}
            {m.matchedInteractionId === null && m.doneAt !== null && (
              <Badge size="xs" color="grape" variant="light">
                ticked by hand
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function Checkins({ goal }: { goal: GoalDetail }) {
  const write = useGoalsWrite();
  const [date, setDate] = useState(localDate(new Date()));
  const [amount, setAmount] = useState<number | string>(1);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const d = goal.definition;
  if (d.measure !== 'count' && d.measure !== 'people') return null;
  const add = () =>
    void write('goals:addCheckin', { goalId: d.id, date, amount: Number(amount), note })
      .then(() => {
        setNote('');
        setError(null);
      })
      .catch((e: RapportError) => setError(e.message));
  return (
    <Card withBorder data-testid="goal-checkins">
      <Text fw={600}>Check-ins</Text>
      <Text size="xs" c="dimmed" mb="xs">
        Only for what the journal cannot know (a forum post, a talk you gave); they are shown apart from the
        journal&apos;s count.
      </Text>
      <Group align="flex-end" gap="xs">
        <TextInput
          type="date"
          label="Date"
          size="xs"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <NumberInput
          label="Counts"
          size="xs"
          w={80}
          min={1}
          value={amount}
          onChange={setAmount}
          allowDecimal={false}
        />
        <TextInput
          label="Note"
          size="xs"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button size="xs" onClick={add}>
          Check in
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      {goal.checkins.length > 0 && (
        <List size="sm" mt="xs" spacing={2} listStyleType="none">
          {goal.checkins.map((c) => (
            <List.Item key={c.id}>
              {c.date} · +{c.amount} {c.note && `· ${c.note}`}{' '}
              <Anchor
                size="xs"
                component="button"
                onClick={() => void write('goals:deleteCheckin', { id: c.id })}
              >
                remove
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** One goal: progress ring, streak, period history, and exactly what counted. */
export function GoalPage() {
  const id = Number(useParams().id);
  const [periodKey, setPeriodKey] = useState<string | undefined>(undefined);
  const goal = useRapportQuery('goals:get', periodKey ? { id, periodKey } : { id }, {
    enabled: Number.isInteger(id) && id > 0,
    placeholderData: (prev) => prev,
  });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const write = useGoalsWrite();
  const navigate = useNavigate();
  if (goal.error) return <Alert color="red">{goal.error.message}</Alert>;
  if (!goal.data) return <Loader />;
  const g = goal.data;
  const d = g.definition;
  const left = daysLeftText(g);
  const names = new Map(g.namedContacts.map((p) => [p.id, p.displayName]));
  return (
    <Stack data-testid="goal-page">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2}>{d.title}</Title>
            <Badge color={statusColors[d.status]}>{statusLabels[d.status]}</Badge>
          </Group>
          {d.why && <Text c="dimmed">{d.why}</Text>}
          <Text size="xs" c="dimmed">
            From {d.startDate}
            {d.dueDate ? ` to ${d.dueDate}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Menu>
            <Menu.Target>
              <Button variant="default">Status</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {goalStatuses.map((s) => (
                <Menu.Item
                  key={s}
                  disabled={s === d.status}
                  onClick={() => void write('goals:setStatus', { id: d.id, status: s })}
                >
                  {statusLabels[s]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            Delete
          </Button>
        </Group>
      </Group>

      <Card withBorder>
        <Group>
          <GoalRing goal={g} size={140} />
          <Stack gap={4}>
            <Text size="lg" fw={600} data-testid="goal-progress">
              {progressText(g)}
            </Text>
            {g.current && g.current.fromCheckins > 0 && (
              <Text size="sm" c="dimmed">
                {g.current.fromData} from the journal, {g.current.fromCheckins}{' '}
                {d.measure === 'milestones' ? 'ticked by hand' : 'checked in by hand'}
              </Text>
            )}
            {left && d.status === 'active' && <Text size="sm">{left}</Text>}
            {d.measure !== 'milestones' && d.period !== 'total' && (
              <Text size="sm" data-testid="goal-streak">
                Streak: {g.streak} {g.streak === 1 ? 'period' : 'periods'} in a row met
              </Text>
            )}
            {g.behind && d.status === 'active' && (
              <Badge color="orange" variant="light">
                Behind the pace for this period
              </Badge>
            )}
          </Stack>
        </Group>
      </Card>

      <History goal={g} onPick={setPeriodKey} />
      <Milestones goal={g} />
      <Counted goal={g} />
      <Checkins goal={g} />

      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit goal" size="xl">
        <GoalForm
          initial={draftFromGoal(d, names, g.milestones)}
          editing
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (fields) => {
            await write('goals:update', { id: d.id, fields });
            setEditing(false);
          }}
        />
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title="Delete this goal?">
        <Stack>
          <Text size="sm">Its check-ins and milestones go with it. Your journal is not touched.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={() =>
                void write('goals:delete', { id: d.id }).then(() => {
                  setDeleting(false);
                  void navigate('/goals');
                })
              }
            >
              Delete goal
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

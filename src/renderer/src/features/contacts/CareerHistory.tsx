import { ActionIcon, Anchor, Button, Group, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  careerRoleText,
  tenureText,
  type CareerRole,
  type CareerStep,
} from '../../../../shared/contacts/career';
import { organisationListParams } from '../../../../shared/contacts/listState';
import { count } from '../../../../shared/text/count';
import { useRapportQuery } from '../../api/hooks';
import { useWrite } from '../../api/useWrite';
import { showUndoNotice } from '../../app/undoNotice';
import { ContactAvatar } from './ContactAvatar';
import { DetailField } from './DetailField';
import { RoleForm } from './RoleForm';

const month = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });

/** "Jun 2024 – Feb 2026 · 1 year 8 months", "Since Feb 2026 · 9 months", "Until Jun 2024". */
function period(step: CareerStep, now: Date): string {
  const end = step.until ?? now.toISOString();
  const span = step.since ? ` · ${tenureText(step.since, end)}` : '';
  if (step.since && step.until) return `${month(step.since)} – ${month(step.until)}${span}`;
  if (step.since) return `Since ${month(step.since)}${span}`;
  return step.until ? `Until ${month(step.until)}` : '';
}

/**
 * "Also there: Ben Lee, Cy Park (until May 2025) and 2 others", faces and links to their pages;
 * the others open the list of everyone who works or worked there.
 */
function AlsoThere({
  also,
  organisation,
}: {
  also: NonNullable<CareerRole['alsoThere']>;
  organisation: string;
}) {
  const others = also.total - also.people.length;
  return (
    <Group gap={6} mt={4} aria-label={`Also at ${organisation}`}>
      <Text size="xs" c="dimmed">
        Also there:
      </Text>
      {also.people.map((p, i) => (
        <Group key={p.id} gap={4} wrap="nowrap">
          <ContactAvatar contact={p} size={18} aria-hidden />
          <Anchor component={Link} to={`/contacts/${p.id}`} size="xs">
            {p.displayName}
          </Anchor>
          {(p.until || i < also.people.length - 1) && (
            <Text size="xs" c="dimmed">
              {p.until ? `(until ${month(p.until)})` : ''}
              {i < also.people.length - 1 ? ',' : ''}
            </Text>
          )}
        </Group>
      ))}
      {others > 0 && (
        <Text size="xs" c="dimmed">
          and{' '}
          <Anchor
            component={Link}
            to={`/contacts?${organisationListParams(organisation).toString()}`}
            size="xs"
          >
            {count(others, 'other')}
          </Anchor>
        </Text>
      )}
    </Group>
  );
}

/**
 * Their roles, latest first, as the job changes on their timeline record them, with who else
 * works or worked at each organisation (a former colleague is a warm introduction), a way to put
 * an earlier role right (a title never written down, a misspelt organisation; the one held now is
 * changed in the contact's form), and one to add a role no recorded move says. Before
 * any move is recorded, only that: the role they hold is in the page's heading.
 */
export function CareerHistory({ contactId }: { contactId: number }) {
  const career = useRapportQuery('contacts:career', { id: contactId });
  // Every view that shows a timeline or a career refreshes: a move is an entry of the journal.
  const write = useWrite();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  if (!career.data) return null;
  const steps = career.data;
  const now = new Date();
  const add = adding ? (
    <RoleForm
      label="Add an earlier role"
      askUntil
      submitLabel="Add"
      onSubmit={(role) => write('contacts:addEarlierRole', { id: contactId, ...role })}
      onClose={() => setAdding(false)}
    />
  ) : (
    <Button size="compact-xs" variant="subtle" onClick={() => setAdding(true)} w="fit-content">
      Add an earlier role
    </Button>
  );
  const edit = async (endedBy: number, before: CareerStep, role: { organisation: string; title: string }) => {
    const after = {
      ...before,
      organisation: role.organisation.trim() || null,
      title: role.title.trim() || null,
    };
    if (after.organisation === before.organisation && after.title === before.title) return;
    await write('contacts:editRole', { id: contactId, endedBy, ...role });
    showUndoNotice({
      id: `role-${endedBy}-${Date.now()}`,
      message: `${careerRoleText(before)} is now ${careerRoleText(after)}.`,
      autoClose: 8000,
      undoLabel: 'Undo',
      undo: () =>
        write('contacts:editRole', {
          id: contactId,
          endedBy,
          organisation: before.organisation ?? '',
          title: before.title ?? '',
        }),
      undone: 'The role before is back.',
    });
  };
  if (steps.length === 0) return <DetailField label="Career">{add}</DetailField>;
  return (
    <DetailField label="Career">
      <Timeline active={steps[0].until === null ? 0 : -1} bulletSize={12} lineWidth={2} aria-label="Career">
        {steps.map((step) => (
          <Timeline.Item
            key={step.endedBy ?? 'now'}
            title={
              <Group gap={4} wrap="nowrap">
                <Text size="sm" fw={step.until === null ? 600 : 400}>
                  {careerRoleText(step)}
                </Text>
                {step.endedBy !== null && editing !== step.endedBy && (
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    color="gray"
                    aria-label={`Edit role: ${careerRoleText(step)}`}
                    onClick={() => setEditing(step.endedBy)}
                  >
                    ✎
                  </ActionIcon>
                )}
              </Group>
            }
          >
            {step.endedBy !== null && editing === step.endedBy && (
              <RoleForm
                label="Edit role"
                initial={{ organisation: step.organisation ?? '', title: step.title ?? '' }}
                askUntil={false}
                submitLabel="Save"
                onSubmit={({ organisation, title }) => edit(step.endedBy!, step, { organisation, title })}
                onClose={() => setEditing(null)}
              />
            )}
            <Text size="xs" c="dimmed">
              {period(step, now)}
            </Text>
            {step.alsoThere && step.alsoThere.total > 0 && (
              <AlsoThere also={step.alsoThere} organisation={step.organisation ?? ''} />
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {add}
    </DetailField>
  );
}

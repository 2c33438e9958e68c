import { parseCommandArgs, requireString, UsageError } from '../cli/args';
import { withCliContext, type CliIo } from '../cli/runtime';
import type { CliCommand } from '../cli/command';
import { contactListOrders } from '../../shared/contacts/listOrders';
import { circles, type Circle } from '../../shared/contacts/schemas';
import { layers, type Layer } from '../../shared/strength/model';
import { readListState, toListFilters, type ContactListFilters } from '../../shared/contacts/listState';
import { AppError } from '../../shared/ipc/envelope';
import { findViewByName } from '../savedViews/repository';

async function list(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    json: { type: 'boolean' },
    query: { type: 'string' },
    circle: { type: 'string' },
    layer: { type: 'string' },
    city: { type: 'string' },
    sort: { type: 'string' },
    archived: { type: 'boolean' },
    field: { type: 'string' },
    view: { type: 'string' },
  });
  const view = values.view as string | undefined;
  const filterFlags = ['query', 'circle', 'layer', 'city', 'field', 'sort', 'archived'] as const;
  if (view !== undefined && filterFlags.some((f) => values[f] !== undefined)) {
    throw new UsageError('--view is the filters and order of a saved view: give it alone');
  }
  const circle = values.circle as string | undefined;
  if (circle !== undefined && !circles.includes(circle as Circle)) {
    throw new UsageError(`Unknown circle ${circle}; one of ${circles.join(', ')}`);
  }
  const layer = values.layer as string | undefined;
  if (layer !== undefined && !layers.includes(layer as Layer)) {
    throw new UsageError(`Unknown layer ${layer}; one of ${layers.join(', ')}`);
  }
  const flag = (values.sort as string | undefined) ?? contactListOrders[0].flag;
  const order = contactListOrders.find((o) => o.flag === flag);
  if (!order) {
    throw new UsageError(`Unknown order ${flag}; one of ${contactListOrders.map((o) => o.flag).join(', ')}`);
  }
  return withCliContext(requireString(values.db, 'db'), async (call, ctx) => {
    let filters: ContactListFilters = {
      query: values.query as string | undefined,
      circle: circle as Circle | undefined,
      layer: layer as Layer | undefined,
      city: values.city as string | undefined,
      field: values.field === undefined ? undefined : customFieldArg(values.field as string),
      sort: order.sort,
      direction: order.direction,
      archived: values.archived === true,
    };
    if (view !== undefined) {
      // Looked up as the app keeps names unique (ignoring case), without counting every view.
      const saved = await findViewByName(ctx.store.db, view.trim());
      if (!saved) throw new AppError('NOT_FOUND', `There is no saved view named “${view}”.`);
      filters = toListFilters(readListState(new URLSearchParams(saved.params)));
    }
    const items = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await call('contacts:list', { ...filters, offset, limit: 1000 });
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) break;
    }
    if (values.json) io.out(JSON.stringify(items, null, 2));
    else
      for (const c of items)
        io.out(
          [
            c.id,
            c.displayName,
            c.organisation ?? '',
            c.circles.join(','),
            c.strength.layer,
            c.strength.lastContactAt ?? '',
          ].join('\t'),
        );
    return 0;
  });
}

/** `--field "Team=Platform"`: the name before the first `=`, the value after it. */
function customFieldArg(arg: string): { label: string; value: string } {
  const [label, value] = namedArg(arg, '--field takes NAME=VALUE, as in --field "Team=Platform"');
  return { label, value };
}

/** `--date "Work anniversary=2019-12-03"`, as `--field`; the date as the contract checks it. */
function importantDateArg(arg: string): { label: string; date: string } {
  const [label, date] = namedArg(arg, '--date takes NAME=DATE, as in --date "Work anniversary=2019-12-03"');
  return { label, date };
}

function namedArg(arg: string, usage: string): [name: string, value: string] {
  const at = arg.indexOf('=');
  if (at <= 0) throw new UsageError(`${usage}; got ${arg}`);
  return [arg.slice(0, at), arg.slice(at + 1)];
}

async function add(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string', multiple: true },
    circle: { type: 'string', multiple: true },
    org: { type: 'string' },
    title: { type: 'string' },
    location: { type: 'string' },
    field: { type: 'string', multiple: true },
    date: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const name = requireString(values.name, 'name');
  const customFields = ((values.field as string[] | undefined) ?? []).map(customFieldArg);
  const importantDates = ((values.date as string[] | undefined) ?? []).map(importantDateArg);
  const chosen = (values.circle as string[] | undefined) ?? [];
  for (const c of chosen) {
    if (!circles.includes(c as Circle))
      throw new UsageError(`Unknown circle ${c}; one of ${circles.join(', ')}`);
  }
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const contact = await call('contacts:create', {
      displayName: name,
      organisation: values.org as string | undefined,
      title: values.title as string | undefined,
      location: values.location as string | undefined,
      circles: chosen as Circle[],
      emails: ((values.email as string[] | undefined) ?? []).map((email) => ({ email })),
      customFields,
      importantDates,
    });
    io.out(values.json ? JSON.stringify(contact, null, 2) : `Added ${contact.displayName} (#${contact.id})`);
    return 0;
  });
}

export const contactsCommands: CliCommand[] = [
  {
    name: 'contacts list',
    usage:
      'contacts list --db PATH [--json] [--query TEXT] [--circle CIRCLE] [--layer LAYER] [--city CITY] [--field NAME=VALUE] [--sort ORDER] [--archived] | [--view NAME]',
    run: list,
  },
  {
    name: 'contacts add',
    usage:
      'contacts add --db PATH --name NAME [--email EMAIL ...] [--circle CIRCLE ...] [--org ORG] [--title TITLE] [--location "CITY, COUNTRY"] [--field NAME=VALUE ...] [--date NAME=YYYY-MM-DD|--MM-DD ...] [--json]',
    run: add,
  },
];

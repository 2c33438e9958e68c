import { describe, expect, it } from 'vitest';
import type { GraphData } from '../../../../src/shared/strength/schemas';
import { movedOnly, withPositions } from '../../../../src/renderer/src/features/graph/positions';

const loaded: GraphData = {
  nodes: [
    {
      contactId: 1,
      label: 'Ana Souza',
      organisation: 'Acme',
      city: 'Berlin',
      circles: ['mentor'],
      tags: ['ml'],
      t: 12,
      layer: 'inner',
      x: 10,
      y: -4,
      photo: null,
    },
    {
      contactId: 2,
      label: 'Ben Lee',
      organisation: null,
      city: null,
      circles: [],
      tags: [],
      t: 1,
      layer: 'known',
      x: null,
      y: null,
      photo: null,
    },
    {
      contactId: 3,
      label: 'Chloé Martin',
      organisation: 'Initech',
      city: null,
      circles: ['sponsor', 'colleague'],
      tags: [],
      t: 4,
      layer: 'active',
      x: 0,
      y: 30,
      photo: null,
    },
  ],
  ties: [{ a: 1, b: 3, w: 0.7, backbone: true }],
  recorded: [{ a: 1, b: 2, sentence: 'Ana Souza mentors Ben Lee' }],
  backboneK: 4,
  windowDays: null,
};

/** The same graph as another load of it would give: equal, with nothing shared. */
const reloaded = (): GraphData => structuredClone(loaded);

describe('graph positions', () => {
  it('puts the contacts given at their new places and leaves everyone else as loaded', () => {
    const next = withPositions(loaded, [
      { contactId: 2, x: 55, y: 66 },
      { contactId: 9, x: 1, y: 1 },
    ]);
    expect(next.nodes.map((n) => [n.contactId, n.x, n.y])).toEqual([
      [1, 10, -4],
      [2, 55, 66],
      [3, 0, 30],
    ]);
    expect(next.nodes[0]).toBe(loaded.nodes[0]);
    expect(next.ties).toBe(loaded.ties);
    // The loaded graph itself is not changed: the query cache may hand it to others.
    expect(loaded.nodes[1].x).toBeNull();
  });

  it('finds the contacts a reload only moved', () => {
    expect(movedOnly(loaded, reloaded())).toEqual([]);
    const after = withPositions(reloaded(), [
      { contactId: 1, x: 11, y: -4 },
      { contactId: 2, x: 3, y: 7 },
    ]);
    expect(movedOnly(loaded, after)).toEqual([
      { contactId: 1, x: 11, y: -4 },
      { contactId: 2, x: 3, y: 7 },
    ]);
  });

  it('keeps the picture when only photos changed, as they are drawn from the latest load', () => {
    const after = reloaded();
    after.nodes[1].photo = '2026-11-28T03:40:00.000Z';
    after.nodes[2].photo = '2026-11-28T03:41:00.000Z';
    expect(movedOnly(loaded, after)).toEqual([]);
    after.nodes[0].x = 12;
    expect(movedOnly(loaded, after)).toEqual([{ contactId: 1, x: 12, y: -4 }]);
  });

  it('says a reload is a new picture when anything but places changed', () => {
    const changes: ((d: GraphData) => void)[] = [
      (d) => (d.nodes[0].t = 12.5),
      (d) => (d.nodes[2].circles = ['sponsor']),
      (d) => (d.nodes[2].circles = ['colleague', 'sponsor']),
      (d) => (d.nodes[1].label = 'Benjamin Lee'),
      (d) => d.nodes.pop(),
      (d) => d.nodes.reverse(),
      (d) => (d.ties[0].backbone = false),
      (d) => d.ties.push({ a: 2, b: 3, w: 0.1, backbone: false }),
      (d) => (d.recorded[0].sentence = 'Ben Lee mentors Ana Souza'),
      (d) => (d.windowDays = 90),
      (d) => (d.backboneK = 5),
      // Placed before, unplaced now (its position deleted): the layout has to place it.
      (d) => ((d.nodes[0].x = null), (d.nodes[0].y = null)),
    ];
    for (const change of changes) {
      const after = reloaded();
      change(after);
      expect(movedOnly(loaded, after), String(change)).toBeNull();
    }
  });
});

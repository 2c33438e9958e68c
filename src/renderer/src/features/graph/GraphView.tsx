import '@react-sigma/core/lib/style.css';
import {
  ControlsContainer,
  SigmaContainer,
  useCamera,
  useLoadGraph,
  useRegisterEvents,
  useSetSettings,
  useSigma,
  ZoomControl,
} from '@react-sigma/core';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import louvain from 'graphology-communities-louvain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { layers, type Layer } from '../../../../shared/strength/model';
import type { GraphData, IntroPathDto } from '../../../../shared/strength/schemas';
import { call } from '../../api/client';
import { useRapportMutation, useRapportQuery } from '../../api/hooks';
import { ContactAvatar } from '../contacts/ContactAvatar';
import { formatStrength, layerShort } from '../strength/labels';
import {
  buildGraph,
  circleColors,
  communitiesOf,
  communityPalette,
  facets,
  ME_COLOR,
  ME_KEY,
  noFilter,
  passes,
  placeContacts,
  RECORDED_EDGE_COLOR,
  TIE_EDGE_COLOR,
  USER_EDGE_COLOR,
  type ColorMode,
  type EdgeAttrs,
  type EdgeMode,
  type GraphFacets,
  type NodeAttrs,
  type NodeFilter,
} from './graphModel';
import { movedOnly, withPositions, type NodePosition } from './positions';
import { showSaveFailed } from './saveFailedNotice';
import { SaveImageButton } from './SaveImageButton';
import { PHOTO_NODE_TYPE, withPhotos } from './photoProgram';
import { useLayout, type LayoutRequest } from './useLayout';
import { useNodeDrag } from './useNodeDrag';
import { useNodeKeys } from './useNodeKeys';
import { useNodePhotos, usePhotoProgram } from './useNodePhotos';
import { useRelayout } from './useRelayout';
import { count } from '../../../../shared/text/count';

const windows = [
  { value: 'all', label: 'All time' },
  { value: '365', label: 'Last 12 months' },
  { value: '180', label: 'Last 6 months' },
  { value: '90', label: 'Last 3 months' },
];
const DIM_NODE = '#e9ecef';
const PATH_COLOR = '#fa5252';

/** A node as the reducer gives it to sigma: its attributes and how to draw them now. */
type NodeDrawing = Partial<NodeAttrs> & {
  hidden?: boolean;
  highlighted?: boolean;
  zIndex?: number;
  type?: string;
  image?: string;
};

/** Greyed out behind a highlight, as a plain disc: a face would draw the eye back to it. */
function dimmed(node: NodeDrawing): NodeDrawing {
  return { ...node, color: DIM_NODE, label: '', zIndex: 0, type: undefined, image: undefined };
}

interface Highlight {
  hovered: string | null;
  selected: string | null;
  path: IntroPathDto | null;
}

/** Loads the graph into sigma, draws filters and highlights, and runs the layout. */
function GraphController(props: {
  data: GraphData;
  edgeMode: EdgeMode;
  minTie: number;
  showRecorded: boolean;
  colorMode: ColorMode;
  filter: NodeFilter;
  highlight: Highlight;
  /** Whether contacts' photos can be drawn in their discs. */
  drawPhotos: boolean;
  focus: { key: string; n: number } | null;
  relayout: number;
  undoLayout: number;
  onHover: (key: string | null) => void;
  onSelect: (key: string | null) => void;
  onLayoutState: (running: boolean) => void;
  onLayoutUndoable: (undoable: boolean) => void;
}) {
  const { data, edgeMode, minTie, showRecorded, colorMode, filter, highlight, drawPhotos, focus } = props;
  const { relayout, undoLayout } = props;
  const { onHover, onSelect, onLayoutState, onLayoutUndoable } = props;
  const sigma = useSigma<NodeAttrs, EdgeAttrs>();
  const loadGraph = useLoadGraph<NodeAttrs, EdgeAttrs>();
  const registerEvents = useRegisterEvents<NodeAttrs, EdgeAttrs>();
  const setSettings = useSetSettings<NodeAttrs, EdgeAttrs>();
  const { gotoNode } = useCamera({ duration: 600, factor: 1.5 });
  const { mutate: savePositions } = useRapportMutation('graph:savePositions');
  const client = useQueryClient();
  const [layoutRequest, setLayoutRequest] = useState<LayoutRequest | null>(null);
  const [communities, setCommunities] = useState<Map<string, number>>(new Map());
  const photos = useNodePhotos(data.nodes);
  const shown = useRef<{ data: GraphData; edgeMode: EdgeMode; minTie: number; showRecorded: boolean } | null>(
    null,
  );

  useEffect(() => {
    const before = shown.current;
    shown.current = { data, edgeMode, minTie, showRecorded };
    if (before?.edgeMode === edgeMode && before.minTie === minTie && before.showRecorded === showRecorded) {
      const moved = movedOnly(before.data, data);
      if (moved) {
        placeContacts(sigma.getGraph(), moved);
        return;
      }
    }
    // A new picture is framed afresh, whatever a drag held still.
    sigma.setCustomBBox(null);
    const graph = buildGraph(data, { edgeMode, minTie, showRecorded });
    loadGraph(graph);
    setCommunities(communitiesOf(graph, louvain as never));
    // Only contacts never placed before move; a first visit lays out everyone.
    const unsaved = data.nodes.filter((n) => n.x === null).length;
    if (unsaved > 0) {
      const everyone = unsaved === data.nodes.length;
      setLayoutRequest((r) => ({ token: (r?.token ?? 0) + 1, everyone, durationMs: everyone ? 4000 : 2000 }));
    }
  }, [data, edgeMode, minTie, showRecorded, loadGraph, sigma]);

  const persist = useCallback(
    (positions: NodePosition[]) => {
      if (positions.length === 0) return;
      savePositions(
        { positions },
        {
          // The loaded graph (every time window's) then says what the database does, so coming
          // back to the view starts from these places rather than laying out or moving anyone again.
          onSuccess: () =>
            client.setQueriesData<GraphData>({ queryKey: ['strength', 'graph'] }, (old) =>
              old ? withPositions(old, positions) : old,
            ),
          onError: (error) => showSaveFailed(sigma.getGraph(), positions, error),
        },
      );
    },
    [savePositions, client, sigma],
  );
  const { layoutDone, placedByHand } = useRelayout(
    relayout,
    undoLayout,
    setLayoutRequest,
    persist,
    onLayoutUndoable,
  );
  const { running } = useLayout(layoutRequest, layoutDone);
  useEffect(() => onLayoutState(running), [running, onLayoutState]);
  const place = useCallback(
    (position: NodePosition) => {
      placedByHand(position);
      persist([position]);
    },
    [persist, placedByHand],
  );
  const justDragged = useNodeDrag(!running, place);
  const persistOne = useCallback((position: NodePosition) => persist([position]), [persist]);
  useNodeKeys(highlight.selected, !running, placedByHand, persistOne);

  useEffect(() => {
    registerEvents({
      enterNode: (e) => onHover(e.node),
      leaveNode: () => onHover(null),
      clickNode: (e) => {
        if (!justDragged.current) onSelect(e.node === ME_KEY ? null : e.node);
      },
      clickStage: () => onSelect(null),
    });
  }, [registerEvents, onHover, onSelect, justDragged]);

  useEffect(() => {
    if (focus && sigma.getGraph().hasNode(focus.key)) gotoNode(focus.key);
  }, [focus, gotoNode, sigma]);

  useEffect(() => {
    const graph = sigma.getGraph();
    const added: string[] = [];
    const pathNodes = new Set(
      (highlight.path?.nodes ?? []).map((n) => (n.contactId === 0 ? ME_KEY : String(n.contactId))),
    );
    const pathEdges = new Set<string>();
    for (const s of highlight.path?.steps ?? []) {
      const a = s.from === 0 ? ME_KEY : String(s.from);
      const b = String(s.to);
      if (graph.hasNode(a) && graph.hasNode(b)) {
        // A path may use a tie the backbone leaves out: draw it anyway while it is shown.
        if (!graph.hasEdge(a, b))
          added.push(
            graph.addEdge(a, b, { weight: s.w, size: 2, color: PATH_COLOR, kind: 'tie', sentence: null }),
          );
        pathEdges.add(graph.edge(a, b)!);
      }
    }
    const focusKey = highlight.hovered ?? highlight.selected;
    const neighbours = focusKey && graph.hasNode(focusKey) ? new Set(graph.neighbors(focusKey)) : null;
    // The person picked (from Search, say) is drawn even where the filters would hide them.
    const visible = (key: string, attrs: NodeAttrs) =>
      passes(attrs, filter) || pathNodes.has(key) || key === highlight.selected;

    setSettings({
      nodeReducer: (key, attrs) => {
        const out: NodeDrawing = { ...attrs };
        if (!visible(key, attrs)) return { ...out, hidden: true };
        if (colorMode === 'community' && key !== ME_KEY) {
          const c = communities.get(key);
          out.color = c === undefined ? '#adb5bd' : communityPalette[c % communityPalette.length];
        }
        const photo = drawPhotos ? photos.get(attrs.contactId) : undefined;
        if (photo) Object.assign(out, { type: PHOTO_NODE_TYPE, image: photo });
        if (pathNodes.size > 0) {
          if (pathNodes.has(key)) return { ...out, highlighted: true, zIndex: 2 };
          return dimmed(out);
        }
        if (neighbours && focusKey) {
          if (key === focusKey) return { ...out, highlighted: true, zIndex: 2 };
          if (neighbours.has(key)) return { ...out, zIndex: 1 };
          return dimmed(out);
        }
        return out;
      },
      edgeReducer: (edge, attrs) => {
        const [source, target] = graph.extremities(edge);
        if (pathEdges.size > 0) {
          return pathEdges.has(edge)
            ? { ...attrs, color: PATH_COLOR, size: 3, zIndex: 2 }
            : { ...attrs, hidden: true };
        }
        if (
          !visible(source, graph.getNodeAttributes(source)) ||
          !visible(target, graph.getNodeAttributes(target))
        ) {
          return { ...attrs, hidden: true };
        }
        if (neighbours && focusKey && source !== focusKey && target !== focusKey)
          return { ...attrs, hidden: true };
        return attrs;
      },
    });
    return () => {
      for (const edge of added) if (graph.hasEdge(edge)) graph.dropEdge(edge);
    };
  }, [sigma, setSettings, filter, highlight, colorMode, communities, drawPhotos, photos]);

  return null;
}

function Legend(props: { colorMode: ColorMode; circles: string[]; showRecorded: boolean }) {
  const { colorMode, circles, showRecorded } = props;
  return (
    <Card withBorder padding="xs" aria-label="Legend">
      <Stack gap={4}>
        <Text size="xs" fw={600}>
          Legend
        </Text>
        <Text size="xs">Size: relationship strength. You are the dark node in the middle.</Text>
        <Text size="xs">
          Drag a contact to put them where you want them (or select them and press Alt and the arrow keys);
          they stay there until you re-run the layout.
        </Text>
        {colorMode === 'circle' ? (
          <Group gap={6}>
            {circles.map((c) => (
              <Group key={c} gap={4}>
                <Box w={10} h={10} style={{ borderRadius: 5, background: circleColors[c] }} />
                <Text size="xs">{c}</Text>
              </Group>
            ))}
          </Group>
        ) : (
          <Text size="xs">Colour: communities found in who meets whom (Louvain).</Text>
        )}
        {[
          { color: USER_EDGE_COLOR, text: 'your tie, thicker when stronger' },
          { color: TIE_EDGE_COLOR, text: 'they meet each other (shared meetings)' },
          ...(showRecorded ? [{ color: RECORDED_EDGE_COLOR, text: 'a relationship you recorded' }] : []),
          { color: PATH_COLOR, text: 'introduction path' },
        ].map((line) => (
          <Group key={line.text} gap={6} wrap="nowrap">
            <Box w={18} h={3} style={{ background: line.color, flexShrink: 0 }} />
            <Text size="xs">{line.text}</Text>
          </Group>
        ))}
        <Group gap={4}>
          <Box w={10} h={10} style={{ borderRadius: 5, background: ME_COLOR }} />
          <Text size="xs">you</Text>
        </Group>
      </Stack>
    </Card>
  );
}

function NodePanel(props: {
  data: GraphData;
  contactKey: string;
  windowDays: number | undefined;
  path: IntroPathDto | null | undefined;
  onPath: (path: IntroPathDto | null | undefined) => void;
  onClose: () => void;
}) {
  const { data, contactKey, windowDays, path, onPath, onClose } = props;
  const node = data.nodes.find((n) => String(n.contactId) === contactKey);
  const recorded = data.recorded.filter((r) => String(r.a) === contactKey || String(r.b) === contactKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!node) return null;
  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      onPath(await call('strength:path', { contactId: node.contactId, windowDays, excludeDirect: true }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm" aria-label="Contact summary">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ContactAvatar
              contact={{ id: node.contactId, displayName: node.label, photo: node.photo }}
              size={32}
              aria-hidden
            />
            <Title order={4}>{node.label}</Title>
          </Group>
          <Button size="xs" variant="subtle" onClick={onClose} aria-label="Close summary">
            ✕
          </Button>
        </Group>
        {(node.organisation || node.city) && (
          <Text size="sm">{[node.organisation, node.city].filter(Boolean).join(' · ')}</Text>
        )}
        <Group gap={4}>
          {node.circles.map((c) => (
            <Badge key={c} size="sm" variant="light" style={{ color: circleColors[c] }}>
              {c}
            </Badge>
          ))}
          {node.tags.map((t) => (
            <Badge key={t} size="sm" variant="outline" color="gray">
              {t}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          Strength {formatStrength(node.t)} · {layerShort[node.layer]}
        </Text>
        {recorded.length > 0 && (
          <Stack gap={2} aria-label="Their recorded relationships">
            {recorded.map((r) => (
              <Text size="sm" key={`${r.a}-${r.b}`} c="yellow.9">
                {r.sentence}
              </Text>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to={`/contacts/${node.contactId}`} size="sm">
          Open contact page
        </Anchor>
        <Button size="xs" variant="light" loading={busy} onClick={() => void ask()}>
          Who can introduce me?
        </Button>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {path === null && <Text size="sm">No path through people you know.</Text>}
        {path && (
          <Stack gap={2} aria-label="Introduction path">
            <Text size="sm" fw={600}>
              Strongest path (weakest tie {formatStrength(path.bottleneck)})
            </Text>
            {path.steps.map((s, i) => (
              <Text size="sm" key={`${s.from}-${s.to}`}>
                {path.nodes[i].name} → {path.nodes[i + 1].name}:{' '}
                {s.recorded ? `you recorded “${s.recorded}”` : formatStrength(s.w)}
              </Text>
            ))}
            <Button size="xs" variant="subtle" onClick={() => onPath(undefined)}>
              Clear path
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Drifting({ onPick }: { onPick: (contactId: number) => void }) {
  const drifting = useRapportQuery('strength:drifting', { limit: 8 });
  if (!drifting.data || drifting.data.length === 0) return null;
  return (
    <Card withBorder padding="sm" aria-label="People drifting">
      <Text size="sm" fw={600}>
        People drifting
      </Text>
      <Text size="xs" c="dimmed">
        The largest falls in momentum over the last month.
      </Text>
      {drifting.data.map((r) => (
        <Group key={r.contactId} gap={6} wrap="nowrap" mt={4}>
          <ContactAvatar contact={{ id: r.contactId, ...r }} size={22} aria-hidden />
          <Anchor component="button" size="sm" onClick={() => onPick(r.contactId)}>
            {r.displayName} ({formatStrength(r.t)})
          </Anchor>
        </Group>
      ))}
    </Card>
  );
}

/**
 * The network: the user at the centre, contacts sized by strength and coloured by circle or
 * community, the user's ties and the ties between contacts from shared meetings.
 */
export function GraphView() {
  const [windowValue, setWindowValue] = useState('all');
  const windowDays = windowValue === 'all' ? undefined : Number(windowValue);
  const graph = useRapportQuery('strength:graph', { windowDays });
  const [edgeMode, setEdgeMode] = useState<EdgeMode>('backbone');
  const [minTie, setMinTie] = useState(0.1);
  const [colorMode, setColorMode] = useState<ColorMode>('circle');
  const [showRecorded, setShowRecorded] = useState(true);
  const [showFaces, setShowFaces] = useState(true);
  const [filter, setFilter] = useState<NodeFilter>(noFilter);
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [path, setPath] = useState<IntroPathDto | null | undefined>(undefined);
  const [focus, setFocus] = useState<{ key: string; n: number } | null>(null);
  const [relayout, setRelayout] = useState(0);
  const [undoLayout, setUndoLayout] = useState(0);
  const [layoutUndoable, setLayoutUndoable] = useState(false);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const photoProgram = usePhotoProgram();
  const settings = useMemo(() => withPhotos(photoProgram ?? null), [photoProgram]);

  const data = graph.data;
  const menus = useMemo<GraphFacets>(
    () => (data ? facets(data) : { circles: [], tags: [], organisations: [], cities: [] }),
    [data],
  );
  const searchData = useMemo(
    () => (data ? data.nodes.map((n) => ({ value: String(n.contactId), label: n.label })) : []),
    [data],
  );
  const select = useCallback((key: string | null) => {
    setSelected(key);
    setPath(undefined);
  }, []);
  const focusOn = (key: string) => {
    select(key);
    setFocus((f) => ({ key, n: (f?.n ?? 0) + 1 }));
  };
  const highlight = useMemo(() => ({ hovered, selected, path: path ?? null }), [hovered, selected, path]);

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Title order={2}>Network</Title>
        <Group gap="xs">
          {layoutRunning && (
            <Group gap={4}>
              <Loader size="xs" />
              <Text size="xs">Laying out…</Text>
            </Group>
          )}
          {layoutUndoable && !layoutRunning && (
            <Button size="xs" variant="subtle" onClick={() => setUndoLayout((n) => n + 1)}>
              Undo re-layout
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => setRelayout((n) => n + 1)} disabled={!data}>
            Re-run layout
          </Button>
        </Group>
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap" aria-label="Graph filters">
        <Select
          label="Search"
          placeholder="Find a contact"
          searchable
          clearable
          limit={30}
          data={searchData}
          value={null}
          onChange={(v) => v && focusOn(v)}
          w={200}
        />
        <Select
          label="Circle"
          placeholder="All"
          clearable
          data={menus.circles}
          value={filter.circle}
          onChange={(circle) => setFilter((f) => ({ ...f, circle }))}
          w={130}
        />
        <Select
          label="Tag"
          placeholder="All"
          clearable
          searchable
          data={menus.tags}
          value={filter.tag}
          onChange={(tag) => setFilter((f) => ({ ...f, tag }))}
          w={130}
        />
        <Select
          label="Organisation"
          placeholder="All"
          clearable
          searchable
          limit={50}
          data={menus.organisations}
          value={filter.organisation}
          onChange={(organisation) => setFilter((f) => ({ ...f, organisation }))}
          w={170}
        />
        <Select
          label="City"
          placeholder="All"
          clearable
          searchable
          limit={50}
          data={menus.cities}
          value={filter.city}
          onChange={(city) => setFilter((f) => ({ ...f, city }))}
          w={140}
        />
        <Select
          label="Layer"
          placeholder="All"
          clearable
          data={layers.map((l) => ({ value: l, label: layerShort[l] }))}
          value={filter.layer}
          onChange={(layer) => setFilter((f) => ({ ...f, layer: layer as Layer | null }))}
          w={110}
        />
        <NumberInput
          label="Min strength"
          min={0}
          step={0.5}
          decimalScale={2}
          value={filter.minStrength}
          onChange={(v) => setFilter((f) => ({ ...f, minStrength: typeof v === 'number' ? v : 0 }))}
          w={110}
        />
        <Select
          label="Time window"
          data={windows}
          value={windowValue}
          onChange={(v) => setWindowValue(v ?? 'all')}
          allowDeselect={false}
          w={150}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Ties
          </Text>
          <SegmentedControl
            size="xs"
            value={edgeMode}
            onChange={(v) => setEdgeMode(v as EdgeMode)}
            data={[
              { value: 'backbone', label: 'Backbone' },
              { value: 'all', label: 'All' },
            ]}
          />
        </Stack>
        {edgeMode === 'all' && (
          <NumberInput
            label="Min tie"
            min={0}
            step={0.05}
            decimalScale={2}
            value={minTie}
            onChange={(v) => setMinTie(typeof v === 'number' ? v : 0)}
            w={90}
          />
        )}
        <Switch
          label="Recorded relationships"
          checked={showRecorded}
          onChange={(e) => setShowRecorded(e.currentTarget.checked)}
        />
        <Switch
          label="Colour by community"
          checked={colorMode === 'community'}
          onChange={(e) => setColorMode(e.currentTarget.checked ? 'community' : 'circle')}
        />
        {photoProgram && (
          <Switch label="Faces" checked={showFaces} onChange={(e) => setShowFaces(e.currentTarget.checked)} />
        )}
      </Group>
      {graph.isError && (
        <Alert color="red" role="alert">
          {graph.error.message}
        </Alert>
      )}
      {graph.isPending && <Loader aria-label="Loading graph" />}
      {data && data.nodes.length === 0 && (
        <Alert color="gray" title="No network yet">
          Log interactions or import a calendar: contacts you have met appear here, sized by strength.
        </Alert>
      )}
      {data && data.nodes.length > 0 && photoProgram !== undefined && (
        <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 480 }}>
          <Box style={{ flex: 1, position: 'relative', minHeight: 480 }} data-testid="graph-canvas">
            <SigmaContainer<NodeAttrs, EdgeAttrs>
              style={{ height: '100%', minHeight: 480, width: '100%' }}
              settings={settings}
            >
              <GraphController
                data={data}
                edgeMode={edgeMode}
                minTie={minTie}
                showRecorded={showRecorded}
                colorMode={colorMode}
                filter={filter}
                highlight={highlight}
                drawPhotos={showFaces && photoProgram !== null}
                focus={focus}
                relayout={relayout}
                undoLayout={undoLayout}
                onHover={setHovered}
                onSelect={select}
                onLayoutState={setLayoutRunning}
                onLayoutUndoable={setLayoutUndoable}
              />
              <ControlsContainer position="bottom-right">
                <ZoomControl />
              </ControlsContainer>
              <ControlsContainer position="top-right">
                <SaveImageButton />
              </ControlsContainer>
            </SigmaContainer>
          </Box>
          <ScrollArea w={300} type="auto">
            <Stack gap="sm">
              {selected && (
                <NodePanel
                  data={data}
                  contactKey={selected}
                  windowDays={windowDays}
                  path={path}
                  onPath={setPath}
                  onClose={() => select(null)}
                />
              )}
              <Legend colorMode={colorMode} circles={menus.circles} showRecorded={showRecorded} />
              <Drifting onPick={(id) => focusOn(String(id))} />
              <Text size="xs" c="dimmed">
                {count(data.nodes.length, 'contact')};{' '}
                {edgeMode === 'backbone'
                  ? `${data.ties.filter((t) => t.backbone).length} ties drawn (each contact's ${data.backboneK} strongest) of ${data.ties.length}`
                  : `${data.ties.filter((t) => t.w >= minTie).length} ties of ${data.ties.length} at or above ${minTie}`}
                {data.recorded.length > 0 && `; ${count(data.recorded.length, 'recorded relationship')}`}.
              </Text>
            </Stack>
          </ScrollArea>
        </Group>
      )}
    </Stack>
  );
}

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api';
import { fontFamily } from '../fonts/index.ts';
import { anyText, historyText, labelText, leafSize, metrics, placeText, round, stateText, stateTitle, type TextBlock } from './boxes.ts';
import { ANY_STATE, type GraphState, type WorkflowGraph } from './graph.ts';
import type { LayoutEdge, LayoutNode, LayoutNodeKind, LayoutPoint, WorkflowLayout } from './layout-model.ts';

/**
 * Root options, after the legacy Stately visualizer (research note B §2.1), but top-to-bottom:
 * procedures are long chains, and a tall diagram reads better on a phone than a wide one.
 */
const rootOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.padding': '[top=8,left=8,bottom=8,right=8]',
};

/** Where an edge lives in the ELK hierarchy: the lowest state strictly containing both ends. */
function containerOf(graph: WorkflowGraph, source: string, target: string): string | null {
  const ancestors = (id: string): (string | null)[] => {
    const chain: (string | null)[] = [];
    let state = graph.states.find((s) => s.path === id);
    let parent = state ? state.parent : id.endsWith('#initial') ? id.slice(0, -'#initial'.length) || null : null;
    chain.push(parent);
    while (parent) {
      state = graph.states.find((s) => s.path === parent);
      parent = state?.parent ?? null;
      chain.push(parent);
    }
    return chain;
  };
  const a = ancestors(source);
  const b = new Set(ancestors(target));
  return a.find((p) => b.has(p)) ?? null;
}

/** What the layout keeps between building the ELK graph and reading the result back. */
interface Built {
  root: ElkNode;
  /** Per ELK node id: its state (none for initial markers and `#any`), its measured text, its header. */
  pending: Map<string, { state?: GraphState; kind?: LayoutNodeKind; text?: TextBlock; headerHeight: number }>;
  labelBlocks: Map<string, TextBlock>;
  /** Edges handed to ELK the other way round (see `build`). */
  reversed: Set<string>;
}

type RoleTitle = (role: string) => string | undefined;

/** Which way the procedure flows: down the page (the web, portrait print) or across it (landscape print). */
export type LayoutDirection = 'DOWN' | 'RIGHT';

/** The ELK graph: nested nodes sized around measured text, edges in their lowest common container. */
function build(graph: WorkflowGraph, roleTitle: RoleTitle, direction: LayoutDirection): Built {
  const pending: Built['pending'] = new Map();
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: { ...rootOptions, 'elk.direction': direction }, children: [], edges: [] };
  const nodeOf = (path: string | null) => (path === null ? root : elkNodes.get(path)!);
  const hasMarker = new Set(graph.transitions.filter((t) => t.kind === 'initial').map((t) => t.source));
  const addMarker = (parent: string | null) => {
    const markerId = `${parent ?? ''}#initial`;
    if (!hasMarker.has(markerId)) return;
    nodeOf(parent).children!.push({ id: markerId, width: metrics.markerSize, height: metrics.markerSize });
    pending.set(markerId, { headerHeight: 0 });
  };
  addMarker(null);
  if (graph.anyTitle) {
    const text = anyText(graph.anyTitle);
    root.children!.push({ id: ANY_STATE, ...leafSize(text, false) });
    pending.set(ANY_STATE, { kind: 'any', text, headerHeight: 0 });
  }
  for (const state of graph.states) {
    const node: ElkNode = { id: state.path };
    if (state.kind === 'history') {
      Object.assign(node, { width: metrics.historySize, height: metrics.historySize });
      pending.set(state.path, { state, text: historyText(state), headerHeight: 0 });
      elkNodes.set(state.path, node);
      nodeOf(state.parent).children!.push(node);
      continue;
    }
    const text = stateText(state, state.meta?.role ? roleTitle(state.meta.role) : undefined);
    if (state.children.length) {
      const headerHeight = Math.ceil(text.height + metrics.padY * 2);
      node.children = [];
      node.layoutOptions = {
        'elk.padding': `[top=${headerHeight + 4},left=${metrics.containerPad},bottom=${metrics.containerPad},right=${metrics.containerPad}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.ceil(text.width + 2 * metrics.padX)},${headerHeight + 40})`,
      };
      pending.set(state.path, { state, text, headerHeight });
    } else {
      Object.assign(node, leafSize(text, state.kind === 'final'));
      pending.set(state.path, { state, text, headerHeight: 0 });
    }
    elkNodes.set(state.path, node);
    nodeOf(state.parent).children!.push(node);
    if (state.children.length) addMarker(state.path);
  }
  // Edges that go back in the order the states are written are given to ELK forwards and turned
  // round afterwards: ELK's own cycle breaking does not follow model order inside nested states,
  // and authors write states in the order of the procedure.
  const order = new Map<string, number>([[ANY_STATE, -1], ['#initial', 0]]);
  graph.states.forEach((s, i) => {
    order.set(`${s.path}#initial`, 2 * i + 1);
    order.set(s.path, 2 * i + 2);
  });
  const reversed = new Set<string>();
  const labelBlocks = new Map<string, TextBlock>();
  for (const t of graph.transitions) {
    const back = (order.get(t.target) ?? 0) < (order.get(t.source) ?? 0);
    if (back) reversed.add(t.id);
    const edge: ElkExtendedEdge = { id: t.id, sources: [back ? t.target : t.source], targets: [back ? t.source : t.target] };
    if (t.label) {
      const block = labelText(t);
      labelBlocks.set(t.id, block);
      const label: ElkLabel = { id: `${t.id}/label`, text: t.label, width: Math.ceil(block.width + 2 * metrics.labelPad), height: Math.ceil(block.height + 2 * metrics.labelPad) };
      edge.labels = [label];
    }
    const container = nodeOf(containerOf(graph, t.source, t.target));
    (container.edges ??= []).push(edge);
  }
  return { root, pending, labelBlocks, reversed };
}

/** Every node of the result, parents before children, with its text placed. */
function readNodes(result: ElkNode, built: Built, roleTitle: RoleTitle): LayoutNode[] {
  const nodes: LayoutNode[] = [];
  const walk = (n: ElkNode) => {
    for (const child of n.children ?? []) {
      const info = built.pending.get(child.id);
      const box = { x: round(child.x ?? 0), y: round(child.y ?? 0), width: round(child.width ?? 0), height: round(child.height ?? 0) };
      const state = info?.state;
      if (info?.kind === 'any' && info.text) {
        const top = box.y + (box.height - info.text.height) / 2;
        nodes.push({ ...box, id: child.id, parent: null, kind: 'any', depth: 0, title: info.text.lines.map((l) => l.text).join(' '), headerHeight: 0, text: placeText(info.text, box, top, true) });
      } else if (!state || !info.text) {
        const parent = child.id.slice(0, -'#initial'.length) || null;
        nodes.push({ ...box, id: child.id, parent, kind: 'initial', depth: parent ? parent.split('.').length : 0, title: '', headerHeight: 0, text: [] });
      } else if (state.kind === 'history') {
        const top = box.y + (box.height - info.text.height) / 2;
        nodes.push({ ...box, id: state.path, parent: state.parent, kind: 'history', history: state.history ?? 'shallow', depth: state.depth, title: stateTitle(state), headerHeight: 0, text: placeText(info.text, box, top, true) });
      } else {
        const top = info.headerHeight ? box.y + metrics.padY : box.y + (box.height - info.text.height) / 2;
        const role = state.meta?.role;
        const title = role ? roleTitle(role) : undefined;
        nodes.push({
          ...box,
          id: state.path,
          parent: state.parent,
          kind: state.kind,
          depth: state.depth,
          title: stateTitle(state),
          ...(state.meta?.step ? { step: state.meta.step } : {}),
          ...(role ? { role } : {}),
          ...(title ? { roleTitle: title } : {}),
          ...(state.meta?.sla ? { sla: state.meta.sla } : {}),
          headerHeight: info.headerHeight,
          text: placeText(info.text, box, top, !info.headerHeight),
        });
      }
      walk(child);
    }
  };
  walk(result);
  return nodes;
}

/** Every edge of the result, in the graph's order, routed from source to target, label placed. */
function readEdges(result: ElkNode, built: Built, graph: WorkflowGraph): LayoutEdge[] {
  const found = new Map<string, ElkExtendedEdge>();
  const collect = (n: ElkNode) => {
    for (const e of n.edges ?? []) found.set(e.id, e);
    for (const child of n.children ?? []) collect(child);
  };
  collect(result);
  return graph.transitions.map((t) => {
    const e = found.get(t.id);
    const points: LayoutPoint[] = [];
    for (const section of e?.sections ?? []) {
      for (const p of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
        const last = points[points.length - 1];
        if (!last || last.x !== round(p.x) || last.y !== round(p.y)) points.push({ x: round(p.x), y: round(p.y) });
      }
    }
    if (built.reversed.has(t.id)) points.reverse();
    const l = e?.labels?.[0];
    const block = built.labelBlocks.get(t.id);
    const labelBox = l && block ? { x: round(l.x ?? 0), y: round(l.y ?? 0), width: round(l.width ?? 0), height: round(l.height ?? 0) } : undefined;
    return {
      id: t.id,
      source: t.source,
      target: t.target,
      kind: t.kind,
      ...(t.event ? { event: t.alias ?? t.event } : {}),
      ...(t.guard ? { guard: t.guard } : {}),
      ...(t.delay ? { delay: t.delay } : {}),
      label: t.label,
      ...(labelBox ? { labelBox } : {}),
      labelText: labelBox && block ? placeText(block, labelBox, labelBox.y + metrics.labelPad, true) : [],
      points,
    };
  });
}

/**
 * Lays out a graph with ELK and places all text. Pure and deterministic: the same graph and
 * role titles give the same layout, byte for byte.
 * @param id Workflow id.
 * @param graph The machine's graph (`buildGraph`).
 * @param roleTitle Title of a role id, for the line under each state's title.
 * @param direction Down the page (default) or across it.
 */
export async function layoutGraph(id: string, graph: WorkflowGraph, roleTitle: RoleTitle, direction: LayoutDirection = 'DOWN'): Promise<WorkflowLayout> {
  const built = build(graph, roleTitle, direction);
  const result = await new ELK().layout(built.root);
  return { id, width: Math.ceil(result.width ?? 0), height: Math.ceil(result.height ?? 0), nodes: readNodes(result, built, roleTitle), edges: readEdges(result, built, graph), fontFamily };
}

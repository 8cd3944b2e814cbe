import { createAppearanceSource, OTHER_COLOUR, type Legend } from '../../layout/appearance.ts';
import { DEFAULT_RUN_ITERATIONS, defaultLayoutSettings, type LayoutSettings } from '../../layout/layout.ts';
import type { KgGraph } from '../../model/types.ts';
import { byId, h, replaceChildren } from '../dom.ts';
import { EDGE_SIZE } from '../view/reducers.ts';
import { swatch } from '../view/swatch.ts';
import type { GraphView } from './graphView.ts';
import type { LayoutControl } from './layoutControl.ts';
import '../appearance.css';

/** The Appearance section's controls, all in index.html. */
export interface AppearanceElements {
  section: HTMLDetailsElement;
  colourBy: HTMLSelectElement;
  sizeBy: HTMLSelectElement;
  edgeSize: HTMLInputElement;
  edgeSizeValue: HTMLOutputElement;
  legend: HTMLElement;
  gravity: HTMLInputElement;
  scaling: HTMLInputElement;
  iterations: HTMLInputElement;
  untilStopped: HTMLInputElement;
  strongGravity: HTMLInputElement;
  barnesHut: HTMLInputElement;
  linLog: HTMLInputElement;
  defaults: HTMLButtonElement;
}

/** The section's controls from the page, by their ids in index.html. */
export const appearanceElements = (): AppearanceElements => ({
  section: byId<HTMLDetailsElement>('appearance'),
  colourBy: byId<HTMLSelectElement>('colour-by'),
  sizeBy: byId<HTMLSelectElement>('size-by'),
  edgeSize: byId<HTMLInputElement>('edge-size'),
  edgeSizeValue: byId<HTMLOutputElement>('edge-size-value'),
  legend: byId('colour-legend'),
  gravity: byId<HTMLInputElement>('fa2-gravity'),
  scaling: byId<HTMLInputElement>('fa2-scaling'),
  iterations: byId<HTMLInputElement>('fa2-iterations'),
  untilStopped: byId<HTMLInputElement>('fa2-until-stopped'),
  strongGravity: byId<HTMLInputElement>('fa2-strong-gravity'),
  barnesHut: byId<HTMLInputElement>('fa2-barnes-hut'),
  linLog: byId<HTMLInputElement>('fa2-linlog'),
  defaults: byId<HTMLButtonElement>('fa2-defaults'),
});

/** What is remembered between loads: three short strings and a number, no data. */
interface StoredChoice {
  colour: string;
  size: string;
  edgeSize: number;
}

const STORAGE_KEY = 'kg-appearance';
const DEFAULT_CHOICE: StoredChoice = { colour: 'type', size: '', edgeSize: EDGE_SIZE };

/**
 * The choice of the last visit, if storage works and holds one of ours. A property the graph
 * now loaded lacks is dropped later, when the options are known. Layout settings are not
 * stored: their defaults depend on the graph's size, so another graph would inherit misfits.
 */
function storedChoice(): StoredChoice {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (!parsed || typeof parsed !== 'object') return DEFAULT_CHOICE;
    const { colour, size, edgeSize } = parsed as Record<string, unknown>;
    return {
      colour: typeof colour === 'string' ? colour : DEFAULT_CHOICE.colour,
      size: typeof size === 'string' ? size : DEFAULT_CHOICE.size,
      edgeSize: typeof edgeSize === 'number' && edgeSize >= 0.5 && edgeSize <= 6 ? edgeSize : DEFAULT_CHOICE.edgeSize,
    };
  } catch {
    return DEFAULT_CHOICE;
  }
}

function store(choice: StoredChoice): void {
  try {
    if (choice.colour === DEFAULT_CHOICE.colour && choice.size === DEFAULT_CHOICE.size && choice.edgeSize === DEFAULT_CHOICE.edgeSize) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Storage may be full or forbidden (private modes): the choice then lasts this visit only.
  }
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toPrecision(3));

/**
 * Gephi's Appearance and Layout panels in small: colour and size nodes by a property, edge
 * thickness, and the ForceAtlas2 settings that Run layout hands the worker. The properties
 * (an attribute scan) and the communities (Louvain) are worked out when first needed: when the
 * section opens or a remembered choice asks for them, never before the first frame.
 */
export function createAppearanceControl(elements: AppearanceElements, graph: KgGraph, view: GraphView, layout: LayoutControl) {
  const source = createAppearanceSource(graph);
  let choice = storedChoice();
  let filled = false;

  /** Fills the selects with what this graph offers, once. Labels are data (attribute names): text only. */
  function fillOptions(): void {
    if (filled) return;
    filled = true;
    const properties = source.properties();
    elements.colourBy.replaceChildren(...properties.map((p) => new Option(p.label, p.key)));
    elements.sizeBy.replaceChildren(new Option('Built size', ''), ...properties.filter((p) => p.kind === 'numeric').map((p) => new Option(p.label, p.key)));
    const offered = (select: HTMLSelectElement, key: string) => [...select.options].some((o) => o.value === key);
    if (!offered(elements.colourBy, choice.colour)) choice = { ...choice, colour: DEFAULT_CHOICE.colour };
    if (!offered(elements.sizeBy, choice.size)) choice = { ...choice, size: DEFAULT_CHOICE.size };
    elements.colourBy.value = choice.colour;
    elements.sizeBy.value = choice.size;
  }

  function showLegend(legend: Legend | null): void {
    const box = elements.legend;
    box.hidden = legend === null;
    if (!legend) return box.replaceChildren();
    const extra = (label: string, count: number) => (count > 0 ? h('li', { class: 'legend-entry muted' }, swatch('', OTHER_COLOUR), h('span', {}, label), h('span', { class: 'count' }, count)) : null);
    if (legend.kind === 'categorical') {
      replaceChildren(
        box,
        h('ul', { class: 'legend-entries', attrs: { 'aria-label': 'Colours' } },
          ...legend.entries.map((e) => h('li', { class: 'legend-entry' }, swatch('', e.colour), h('span', { class: 'legend-label' }, e.label), h('span', { class: 'count' }, e.count))),
          extra('Other values', legend.otherCount),
          extra('No value', legend.missingCount)),
      );
      return;
    }
    const ramp = h('span', { class: 'legend-ramp', attrs: { 'aria-hidden': 'true' } });
    // The ramp's colours are constants of the scale, set through the CSSOM (the page runs no inline style).
    ramp.style.setProperty('--ramp', `linear-gradient(to right, ${legend.ramp.join(', ')})`);
    replaceChildren(
      box,
      h('div', { class: 'legend-numeric' }, h('span', { class: 'legend-min' }, formatNumber(legend.min)), ramp, h('span', { class: 'legend-max' }, formatNumber(legend.max))),
      legend.missingCount > 0 ? h('ul', { class: 'legend-entries' }, extra('No value', legend.missingCount)) : null,
    );
  }

  /** Applies the current choice to the view (and the legend), remembering it. */
  function apply(): void {
    const colour = choice.colour === 'type' ? null : source.colourBy(choice.colour);
    const size = choice.size === '' ? undefined : source.sizeBy(choice.size);
    const plain = !colour && !size && choice.edgeSize === EDGE_SIZE;
    view.setAppearance(plain ? undefined : { color: colour?.colour, size, edgeSize: choice.edgeSize });
    showLegend(colour?.legend ?? null);
    elements.edgeSize.value = String(choice.edgeSize);
    elements.edgeSizeValue.value = String(choice.edgeSize);
    store(choice);
  }

  // --- Layout settings: the form shows the settings the next run uses. ---
  // The iteration count is kept while "Run until stopped" is ticked, for when it is unticked.
  let layoutIterations = layout.settings().iterations ?? DEFAULT_RUN_ITERATIONS;
  function showSettings(settings: LayoutSettings): void {
    elements.gravity.value = String(settings.gravity);
    elements.scaling.value = String(settings.scalingRatio);
    elements.iterations.value = String(settings.iterations ?? layoutIterations);
    elements.iterations.disabled = settings.iterations === null;
    elements.untilStopped.checked = settings.iterations === null;
    elements.strongGravity.checked = settings.strongGravity;
    elements.barnesHut.checked = settings.barnesHut;
    elements.linLog.checked = settings.linLog;
  }

  /** A number field's value if valid (the browser checks min and required), else null: the setting then keeps its value. */
  const numberOf = (input: HTMLInputElement) => {
    const ok = input.checkValidity() && Number.isFinite(input.valueAsNumber);
    input.setAttribute('aria-invalid', String(!ok));
    return ok ? input.valueAsNumber : null;
  };

  function readSettings(): void {
    const current = layout.settings();
    const iterations = numberOf(elements.iterations);
    if (iterations !== null) layoutIterations = Math.round(iterations);
    layout.setSettings({
      gravity: numberOf(elements.gravity) ?? current.gravity,
      scalingRatio: numberOf(elements.scaling) ?? current.scalingRatio,
      strongGravity: elements.strongGravity.checked,
      barnesHut: elements.barnesHut.checked,
      linLog: elements.linLog.checked,
      iterations: elements.untilStopped.checked ? null : layoutIterations,
    });
    elements.iterations.disabled = elements.untilStopped.checked;
  }

  elements.section.addEventListener('toggle', () => elements.section.open && fillOptions());
  elements.colourBy.addEventListener('change', () => {
    choice = { ...choice, colour: elements.colourBy.value };
    apply();
  });
  elements.sizeBy.addEventListener('change', () => {
    choice = { ...choice, size: elements.sizeBy.value };
    apply();
  });
  elements.edgeSize.addEventListener('input', () => {
    choice = { ...choice, edgeSize: elements.edgeSize.valueAsNumber };
    apply();
  });
  for (const input of [elements.gravity, elements.scaling, elements.iterations, elements.untilStopped, elements.strongGravity, elements.barnesHut, elements.linLog]) {
    input.addEventListener('change', readSettings);
  }
  elements.defaults.addEventListener('click', () => {
    const settings = defaultLayoutSettings(graph);
    layoutIterations = settings.iterations ?? DEFAULT_RUN_ITERATIONS;
    for (const input of [elements.gravity, elements.scaling, elements.iterations]) input.removeAttribute('aria-invalid');
    layout.setSettings(settings);
    showSettings(settings);
  });
  showSettings(layout.settings());

  // A remembered choice is applied at once, after the first frame (this runs after it); the
  // default look needs nothing computed.
  if (choice.colour !== DEFAULT_CHOICE.colour || choice.size !== DEFAULT_CHOICE.size || choice.edgeSize !== DEFAULT_CHOICE.edgeSize) {
    fillOptions();
    apply();
  }

  return {
    /** Colours by a property key (`type`, `community`, `attribute:<name>` …), as the select does. */
    colourBy(key: string) {
      fillOptions();
      choice = { ...choice, colour: key };
      apply();
    },
    sizeBy(key: string) {
      fillOptions();
      choice = { ...choice, size: key };
      apply();
    },
    source,
  };
}

/**
 * Finding and sharing in the explorer, as a user meets them (issue 9): search like `kg search`,
 * the path finder, clearing a selection, busy entities, entity links, relations that read the
 * way their arrows point, and links that carry the view. The site is built into a temporary
 * folder of its own: other suites build into dist/ at the same time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, curvedLabelBox, straightLabelBox } from '../src/app/view/edgeLabels.ts';
import { openExplorer, waitForExplorer } from './helpers/browser.ts';
import { projectBrowser } from './helpers/site.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const SEED = `#article=${SEED_SLUG}`;
const shared = projectBrowser();


const heading = (page: Page) => page.locator('#details h2').textContent();
const selection = (page: Page) => page.evaluate(() => window.explorer.store.get().selection);
const evidenceMarked = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('evidence') ?? [])].map((r) => (r as Range).toString()));
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
/** Waits until sigma's camera has stopped moving. */
const cameraAtRest = (page: Page) => page.waitForFunction(() => !window.explorer.view.renderer.getCamera().isAnimated());

describe('search, as `kg search` answers it', () => {
  it('finds the IISS by its initials: Enter selects it and shows its details', async () => {
    const page = await openExplorer(shared.session, SEED);
    await page.locator('#search-input').fill('IISS');
    await expect.poll(() => page.locator('#search-options [role=option]').first().textContent()).toContain('International Institute for Strategic Studies');
    await page.locator('#search-input').press('Enter');
    await expect.poll(() => heading(page)).toBe('International Institute for Strategic Studies');
    expect(await selection(page)).toEqual({ kind: 'node', id: 'iiss' });
    expect(await page.locator('#details .description').textContent()).toMatch(/^Think tank/);
    await page.close();
  });

  it('offers Olaf Scholz for "Scholtz", finds "think tank" and "spoke at", and says when nothing matches', async () => {
    const page = await openExplorer(shared.session, SEED);
    const box = page.locator('#search-input');
    const options = page.locator('#search-options [role=option]');
    await box.fill('Scholtz');
    await expect.poll(() => options.first().textContent()).toContain('Olaf Scholz');

    await box.fill('think tank');
    await expect.poll(() => options.first().textContent()).toContain('International Institute for Strategic Studies');
    // Found by its description, which the option shows as the reason.
    expect(await options.first().locator('.option-context').textContent()).toMatch(/think tank/i);

    await box.fill('spoke at');
    await expect.poll(() => options.first().getAttribute('data-edge')).toBe('keir-starmer--spoke-at--eu-leaders-dinner');
    expect(await options.first().textContent()).toContain('Keir Starmer → spoke at → EU leaders\' dinner in Brussels');
    await shot(page, 'features-search-relation');

    await box.fill('zzzzqx');
    await expect.poll(() => page.locator('#search-options-empty').textContent()).toBe('No match for “zzzzqx”');
    expect(await page.locator('#search-options-empty').isVisible()).toBe(true);
    expect(await page.locator('#search-options').isVisible()).toBe(false);
    await shot(page, 'features-search-no-match');
    await box.fill('');
    expect(await page.locator('#search-options-empty').isVisible()).toBe(false);
    await page.close();
  });

  it('chooses a relation: it is selected, its evidence shown in the details and marked in the article', async () => {
    const page = await openExplorer(shared.session, SEED);
    await page.locator('#search-input').fill('spoke at');
    await expect.poll(() => page.locator('#search-options [role=option]').count()).toBeGreaterThan(0);
    await page.locator('#search-input').press('Enter');
    await expect.poll(() => selection(page)).toEqual({ kind: 'edge', id: 'keir-starmer--spoke-at--eu-leaders-dinner' });
    expect(await heading(page)).toBe('spoke at');
    expect(await page.locator('#details .evidence').textContent()).toBe('Starmer told the dinner');
    await expect.poll(() => evidenceMarked(page)).toEqual(['Starmer told the dinner']);
    await page.close();
  });
});

describe('the path finder', () => {
  it('shows how Scholz is connected to Putin: the chain highlighted, each relation read along its arrow, with its evidence', async () => {
    const page = await openExplorer(shared.session, SEED);
    await page.locator('#path-finder > summary').click();
    await page.locator('#path-from').fill('Scholz');
    await page.locator('#path-from-options [role=option]', { hasText: 'Olaf Scholz' }).first().click();
    await page.locator('#path-to').fill('Putin');
    await page.locator('#path-to-options [role=option]', { hasText: 'Vladimir Putin' }).first().click();
    expect(await page.locator('#path-to').inputValue()).toBe('Vladimir Putin');
    await page.locator('#path-find').click();

    const steps = page.locator('#path-finder .path-step');
    await expect.poll(() => steps.count()).toBe(3);
    expect(await page.locator('#path-finder .path-summary').textContent()).toBe('Olaf Scholz to Vladimir Putin: 3 steps');
    // The same chain as `kg path Scholz Putin`, each step written the way its arrow points.
    const expected = await page.evaluate(() => window.kg.path('Scholz', 'Putin').steps!.map((s) => s.relations.map((r) => r.evidence.text)));
    expect(await steps.evaluateAll((items) => items.map((li) => [...li.querySelectorAll('.quote')].map((q) => q.textContent)))).toEqual(expected.map((texts) => texts.map((t) => `“${t}”`)));
    expect(await steps.nth(0).locator('.sentence').textContent()).toBe('Keir Starmer → waited for → Olaf Scholz');
    expect(await steps.nth(1).locator('.sentence').textContent()).toBe('Keir Starmer → opposes → Putin\'s war machine');
    expect(await steps.nth(2).locator('.sentence').textContent()).toBe('Putin\'s war machine → belongs to → Vladimir Putin');

    // Highlighted in the graph: the chain bright, the rest dimmed.
    const path = await page.evaluate(() => window.explorer.store.get().path);
    expect(path?.nodes).toEqual(['olaf-scholz', 'keir-starmer', 'putin-war-machine', 'vladimir-putin']);
    const colours = await page.evaluate(() => {
      const r = window.explorer.view.renderer;
      return Object.fromEntries(r.getGraph().mapNodes((n) => [n, r.getNodeDisplayData(n)!.color]));
    });
    const dim = colours['united-kingdom'];
    for (const n of path!.nodes) expect(colours[n], n).not.toBe(dim);
    expect(dim).toBe(colours.iiss);
    await cameraAtRest(page);
    await shot(page, 'features-path-finder');

    // A step's evidence: the relation is selected and its sentence marked in the article; the chain stays lit.
    await steps.nth(1).locator('.quote').click();
    await expect.poll(() => selection(page)).toEqual({ kind: 'edge', id: 'keir-starmer--opposes--putin-war-machine' });
    await expect.poll(() => evidenceMarked(page)).toEqual(['to crush Putin\'s war machine']);
    expect((await page.evaluate(() => window.explorer.store.get().path))?.nodes).toEqual(path!.nodes);
    await shot(page, 'features-path-step');
    await page.close();
  });

  it('says so when two entities are not joined along the arrows, and when a name means no entity', async () => {
    const page = await openExplorer(shared.session, SEED);
    await page.locator('#path-finder > summary').click();
    await page.locator('#path-from').fill('IISS');
    await page.locator('#path-to').fill('Scholz');
    await page.locator('#path-directed').check();
    await page.locator('#path-find').click();
    await expect.poll(() => page.locator('#path-finder .path-none').textContent()).toBe('No chain of relations joins International Institute for Strategic Studies and Olaf Scholz along the arrows.');
    await page.locator('#path-to').fill('Nobody Atall');
    await page.locator('#path-find').click();
    await expect.poll(() => page.locator('#path-finder .path-none').textContent()).toMatch(/^No entity matches "Nobody Atall"/);
    expect(await page.evaluate(() => window.explorer.store.get().path)).toBeNull();
    await page.close();
  });
});

describe('clearing a selection', () => {
  it('Escape clears it, and the focus goes back to the whole graph', async () => {
    const page = await openExplorer(shared.session, `${SEED}&node=olaf-scholz`);
    await expect.poll(() => heading(page)).toBe('Olaf Scholz');
    await page.locator('#focus-depth').selectOption('2');
    await expect.poll(() => page.url()).toContain('focus=2');
    await page.keyboard.press('Escape');
    await expect.poll(() => selection(page)).toBeNull();
    expect(await heading(page)).toBe('Explore');
    expect(await page.locator('#focus-depth').inputValue()).toBe('0');
    expect(page.url()).not.toContain('focus=');
    expect(page.url()).not.toContain('node=');
    await page.close();
  });

  it('the "Close details" button clears it', async () => {
    const page = await openExplorer(shared.session, `${SEED}&node=olaf-scholz`);
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(() => selection(page)).toBeNull();
    expect(await heading(page)).toBe('Explore');
    expect(await page.getByRole('button', { name: 'Close details' }).count()).toBe(0);
    await page.close();
  });

  it('two hops out, nodes are a paler, smaller tint of their type, labelled, not the grey of a dimmed node', async () => {
    const page = await openExplorer(shared.session, `${SEED}&node=olaf-scholz&focus=2`);
    const data = (node: string) =>
      page.evaluate((n) => {
        const d = window.explorer.view.renderer.getNodeDisplayData(n)!;
        return { color: d.color, size: d.size, label: d.label, hidden: d.hidden, own: window.kg.graph.getNodeAttribute(n, 'color') as string, ownSize: window.kg.graph.getNodeAttribute(n, 'size') as number };
      }, node);
    const { twoHops, further } = await page.evaluate(() => {
      const g = window.kg.graph;
      const one = new Set(g.neighbors('olaf-scholz'));
      const two = [...new Set([...one].flatMap((n) => g.neighbors(n)))].filter((n) => n !== 'olaf-scholz' && !one.has(n));
      return { twoHops: two, further: g.filterNodes((n) => n !== 'olaf-scholz' && !one.has(n) && !two.includes(n)) };
    });
    expect(twoHops.length).toBeGreaterThan(3);
    expect(further.length).toBeGreaterThan(3);
    await expect.poll(async () => (await data(further[0]!)).hidden).toBe(true);
    const near = await data('germany');
    expect(near.color).toBe(near.own);
    for (const n of twoHops) {
      const far = await data(n);
      expect(far.hidden, n).toBeFalsy();
      expect(far.color, n).not.toBe(far.own);
      expect(far.color, n).not.toBe('#e2e2e2');
      expect(far.size, n).toBeLessThan(far.ownSize);
      expect(far.label, n).toBeTruthy();
    }
    await cameraAtRest(page);
    await shot(page, 'features-two-hops');
    await page.close();
  });
});

describe('a busy entity', () => {
  it('Keir Starmer\'s details summarise first: counts per relation, folded groups, a filter', async () => {
    const page = await openExplorer(shared.session, `${SEED}&node=keir-starmer`);
    await expect.poll(() => heading(page)).toBe('Keir Starmer');
    const total = await page.evaluate(() => window.kg.graph.degree('keir-starmer'));
    const kinds = await page.evaluate(() => {
      const d = window.kg.show('keir-starmer');
      return Object.keys(d.out).length + Object.keys(d.in).length;
    });
    expect(await page.locator('#details .relations-heading').textContent()).toBe(`${total} relations of ${kinds} kinds`);
    const groups = page.locator('#details .relation-group');
    expect(await groups.count()).toBe(kinds);
    // Folded: each group one line with its count.
    expect(await page.locator('#details .relation-group[open]').count()).toBe(0);
    const counts = await groups.locator('.count').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(total);
    const height = await page.locator('#details').evaluate((el) => el.scrollHeight);
    expect(height).toBeLessThan(1000);

    // The filter reads what each relation shows: the entity at the other end, qualifiers, evidence.
    const mentioning = await page.evaluate(() => {
      const g = window.kg.graph;
      const d = window.kg.show('keir-starmer');
      const text = (r: (typeof d.out)[string][number]) => [r.other.label, r.evidence.text, ...Object.values(r.qualifiers).map((v) => (typeof v === 'string' && g.hasNode(v) ? g.getNodeAttribute(v, 'label') : String(v)))].join(' ');
      return [...Object.values(d.out), ...Object.values(d.in)].flat().filter((r) => /scholz/i.test(text(r))).map((r) => r.id).sort();
    });
    expect(mentioning.length).toBeGreaterThan(0);
    expect(mentioning.length).toBeLessThan(total);
    await page.locator('#details .relation-filter').fill('scholz');
    await expect.poll(() => page.locator('#details .filter-status').textContent()).toBe(`${mentioning.length} of ${total} relations match`);
    const shown = page.locator('#details .relation-group li:visible');
    expect((await shown.evaluateAll((items) => items.map((li) => li.getAttribute('data-edge')!))).sort()).toEqual(mentioning);
    expect(await shown.locator('.link', { hasText: 'Olaf Scholz' }).count()).toBe(1);
    await shot(page, 'features-busy-details');
    await page.locator('#details .relation-filter').press('Escape');
    expect(await selection(page)).toEqual({ kind: 'node', id: 'keir-starmer' });
    expect(await page.locator('#details .relation-filter').inputValue()).toBe('');
    await page.locator('#details .fold-all').click();
    expect(await page.locator('#details .relation-group:not([open])').count()).toBe(0);
    await page.close();
  });

  it('draws Starmer\'s relation labels without one overlapping another, leaving out only those that would overlap or do not fit', async () => {
    const page = await openExplorer(shared.session, `${SEED}&node=keir-starmer`);
    await cameraAtRest(page);
    await page.waitForTimeout(200);
    const { drawn, candidates, fontSize } = await page.evaluate(() => {
      const r = window.explorer.view.renderer;
      const g = r.getGraph();
      const settings = r.getSettings();
      const measure = document.createElement('canvas').getContext('2d')!;
      measure.font = `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
      // Every label sigma is asked to draw for Starmer, where it would go: the ends in pixels, as sigma hands them to a drawer.
      const end = (n: string) => {
        const d = r.getNodeDisplayData(n)!;
        return { ...r.framedGraphToViewport(d), size: r.scaleSize(d.size) };
      };
      const candidates = g.edges('keir-starmer').map((edge) => {
        const d = r.getEdgeDisplayData(edge)!;
        return { edge, width: measure.measureText(d.label ?? '').width, curved: d.type === 'curved', curvature: Number((d as { curvature?: number }).curvature ?? 0), size: r.scaleSize(d.size), source: end(g.source(edge)), target: end(g.target(edge)), label: d.label };
      });
      return { drawn: window.explorer.edgeLabels.drawn().map((d) => ({ ...d })), candidates, fontSize: settings.edgeLabelSize };
    });
    expect(candidates.every((c) => c.label)).toBe(true);
    expect(drawn.length).toBeGreaterThan(4);
    for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) expect(boxesOverlap(drawn[i]!.box, drawn[j]!.box), `${drawn[i]!.edge} / ${drawn[j]!.edge}`).toBe(false);
    // Every label left out had a reason: it would cover one drawn, or its edge is too short for it.
    const shown = new Set(drawn.map((d) => d.edge));
    expect([...shown].every((e) => candidates.some((c) => c.edge === e))).toBe(true);
    for (const c of candidates.filter((c) => !shown.has(c.edge))) {
      const box = c.curved ? curvedLabelBox(c.source, c.target, c.width, fontSize, c.size, c.curvature || 0.25) : straightLabelBox(c.source, c.target, c.width, fontSize, c.size);
      if (box) expect(drawn.some((d) => boxesOverlap(d.box, box)), c.edge).toBe(true);
    }
    await page.locator('#graph').screenshot({ path: join(ARTIFACTS, 'features-edge-labels.png') });
    await page.close();
  });
});

describe('entity references and direction in the details', () => {
  it('a qualifier naming an entity is a link that selects it', async () => {
    const page = await openExplorer(shared.session, `${SEED}&edge=keir-starmer--waited-for--olaf-scholz`);
    await expect.poll(() => heading(page)).toBe('waited for');
    expect(await page.locator('#details .edge-ends').textContent()).toBe('Keir Starmer → waited for → Olaf Scholz');
    const at = page.locator('#details .qualifiers dd button.link[data-node="chequers"]');
    expect(await at.textContent()).toBe('Chequers');
    expect(await page.locator('#details .qualifiers dd button.link[data-node="scholz-arrival-chequers"]').textContent()).toBe('Scholz\'s arrival at Chequers');
    await at.click();
    await expect.poll(() => heading(page)).toBe('Chequers');
    await page.close();
  });

  it('every relation group reads from the entity shown, its arrow pointing the way the relation does', async () => {
    const page = await openExplorer(shared.session, SEED);
    for (const node of ['olaf-scholz', 'keir-starmer', 'iiss']) {
      await page.evaluate((n) => window.explorer.store.update({ selection: { kind: 'node', id: n } }), node);
      await expect.poll(() => page.locator('#details .relation-group').count()).toBeGreaterThan(0);
      const groups = await page.locator('#details .relation-group').evaluateAll((sections) =>
        sections.map((s) => ({
          direction: s.getAttribute('data-direction'),
          label: s.querySelector('.relation-label')?.textContent,
          arrow: s.querySelector('.arrow')?.textContent,
          edges: [...s.querySelectorAll('li')].map((li) => li.getAttribute('data-edge')!),
        })),
      );
      for (const g of groups) {
        for (const edge of g.edges) {
          const fact = await page.evaluate((e) => ({ source: window.kg.graph.source(e), target: window.kg.graph.target(e), label: window.kg.graph.getEdgeAttribute(e, 'label'), inverse: window.kg.graph.getEdgeAttribute(e, 'inverse') }), edge);
          // "awaited by ← Keir Starmer": the arrow's tail is the entity listed, the label how it reads from here.
          if (g.direction === 'out') expect([fact.source, g.label, g.arrow], edge).toEqual([node, fact.label, '→']);
          else expect([fact.target, g.label, g.arrow], edge).toEqual([node, fact.inverse, '←']);
        }
      }
    }
    await page.evaluate(() => window.explorer.store.update({ selection: { kind: 'node', id: 'olaf-scholz' } }));
    const awaited = page.locator('#details .relation-group', { has: page.locator('.relation-label', { hasText: /^awaited by$/ }) });
    expect(await awaited.locator('summary').textContent()).toBe('awaited by ← 1');
    expect(await awaited.locator('li .link').first().textContent()).toBe('Keir Starmer');
    await page.close();
  });
});

describe('sharing the view', () => {
  it('#node=Scholz (a name, any case) selects Olaf Scholz and centres him; the hash is rewritten to his id', async () => {
    const page = await openExplorer(shared.session, `${SEED}&node=Scholz`);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: 'olaf-scholz' });
    expect(await heading(page)).toBe('Olaf Scholz');
    await expect.poll(() => page.url()).toContain('node=olaf-scholz');
    await cameraAtRest(page);
    // Polled: under load the panels can settle after the camera did, and the view is centred again on the space left.
    const offCentre = () =>
      page.evaluate(() => {
        const { renderer, frame } = window.explorer.view;
        const point = renderer.framedGraphToViewport(renderer.getNodeDisplayData('olaf-scholz')!);
        const free = frame.freeRect();
        return Math.max(Math.abs(point.x - (free.x + free.width / 2)), Math.abs(point.y - (free.y + free.height / 2)));
      });
    await expect.poll(offCentre).toBeLessThan(3);
    await shot(page, 'features-shared-node');
    // The corpus view resolves names the same way, in lower case too.
    const corpus = await openExplorer(shared.session, '#node=olaf%20scholz');
    await expect.poll(() => selection(corpus)).toEqual({ kind: 'node', id: 'olaf-scholz' });
    await corpus.close();
    await page.close();
  });

  it('carries the camera: after a move the URL holds it, and reopening that URL restores it; Copy link copies it', async () => {
    const context = await shared.session.browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await waitForExplorer(page, `${shared.session.url}${SEED}&node=united-kingdom`);
    await cameraAtRest(page);
    // Where the middle of the view is, in graph coordinates, and the zoom: what the link must bring back.
    const looking = (p: Page) =>
      p.evaluate(() => {
        const r = window.explorer.view.renderer;
        const { width, height } = r.getDimensions();
        return { ...r.viewportToGraph({ x: width / 2, y: height / 2 }), ratio: r.getCamera().ratio };
      });
    await page.evaluate(() => window.explorer.view.renderer.getCamera().setState({ x: 0.31, y: 0.62, ratio: 0.42 }));
    const moved = await looking(page);
    await expect.poll(() => page.url()).toContain(`cam=${Number(moved.x.toFixed(3))}%2C${Number(moved.y.toFixed(3))}%2C0.42`);
    expect(page.url()).toContain('node=united-kingdom');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    const again = await context.newPage();
    await waitForExplorer(again, copied);
    await cameraAtRest(again);
    const restored = await looking(again);
    expect(restored.x).toBeCloseTo(moved.x, 2);
    expect(restored.y).toBeCloseTo(moved.y, 2);
    expect(restored.ratio).toBeCloseTo(0.42, 3);
    expect(await selection(again)).toEqual({ kind: 'node', id: 'united-kingdom' });
    await context.close();
  });
});

describe('the legend\'s filters: all, none, only', () => {
  const hidden = (page: Page) => page.evaluate(() => ({ types: [...window.explorer.store.get().hiddenTypes].sort(), relations: [...window.explorer.store.get().hiddenRelations].sort() }));
  const shownEdges = (page: Page) => page.evaluate(() => window.kg.graph.filterEdges((e) => !window.explorer.view.renderer.getEdgeDisplayData(e)?.hidden).map((e) => window.kg.graph.getEdgeAttribute(e, 'relation')));

  it('"only" beside a relation shows that relation alone; None hides every relation, All brings them back', async () => {
    const page = await openExplorer(shared.session, SEED);
    await page.locator('#legend .relation-filters summary').click();
    const relations = await page.evaluate(() => [...new Set(window.kg.graph.mapEdges((_, a) => a.relation))].sort());
    expect(relations.length).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Show only invited to' }).click();
    await expect.poll(async () => [...new Set(await shownEdges(page))]).toEqual(['invited_to']);
    expect((await hidden(page)).relations).toEqual(relations.filter((r) => r !== 'invited_to'));
    expect(await page.locator('#relation-filters input:checked').count()).toBe(1);
    expect(page.url()).toContain('hideRel=');
    await shot(page, 'features-filters-only');

    await page.getByRole('button', { name: 'Show none of the relations' }).click();
    await expect.poll(async () => (await shownEdges(page)).length).toBe(0);
    expect(await page.locator('#relation-filters input:checked').count()).toBe(0);

    await page.getByRole('button', { name: 'Show all relations' }).click();
    await expect.poll(async () => (await shownEdges(page)).length).toBe(await page.evaluate(() => window.kg.graph.size));
    expect((await hidden(page)).relations).toEqual([]);
    expect(page.url()).not.toContain('hideRel=');
    await page.close();
  });

  it('"only" beside a type keeps that type\'s entities alone, and Back undoes it', async () => {
    const page = await openExplorer(shared.session, SEED);
    await page.getByRole('button', { name: 'Show only person' }).click();
    await expect.poll(async () => (await hidden(page)).types).toEqual(['country', 'event', 'organisation', 'place', 'topic']);
    const shown = await page.evaluate(() => window.kg.graph.filterNodes((n) => !window.explorer.view.renderer.getNodeDisplayData(n)?.hidden).map((n) => window.kg.graph.getNodeAttribute(n, 'type')));
    expect(new Set(shown)).toEqual(new Set(['person']));
    await page.goBack();
    await expect.poll(async () => (await hidden(page)).types).toEqual([]);
    expect(await page.locator('#type-filters input:checked').count()).toBe(6);
    await page.close();
  });
});

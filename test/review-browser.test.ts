/**
 * Review and curation in the explorer (issue 10), in Chromium against `npm start` on a scratch
 * copy of the data with a freshly drafted article: new entities and relations from selected
 * words, written to graph.yaml; undo byte for byte; a refused change shows the builder's reason
 * and writes nothing; rejecting an entity lists its relations first; the whole article reviewed
 * with the keyboard alone, after which `kg validate` passes with no drafts left; window.kg's
 * actions; and the static build, read-only, with a note saying how to edit. Screenshots of the
 * review go to test/artifacts/review-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startBrowser, waitForExplorer } from './helpers/browser.ts';
import { DRAFT_SLUG } from './helpers/draftedArticle.ts';
import { kg } from './helpers/kg.ts';
import { ARTIFACTS, HASH, reviewSession, saving, selectNode, selectWords, span } from './helpers/reviewPage.ts';
import { buildSite } from './helpers/site.ts';
import { REPO } from './helpers/sources.ts';

const SLUG = DRAFT_SLUG;
const review = reviewSession('kg-review-browser');
const { data, scratch, read, snapshot, open } = review;

const AXE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** The serious and critical problems axe finds on the page as it is. */
async function axe(page: Page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

describe('curating from the text', () => {
  it('"New entity" writes the entity with the selection as its mention; Undo puts the file back byte for byte', async () => {
    const { page, problems } = await open();
    const before = read();
    await selectWords(page, span('the plan'));
    await page.getByRole('button', { name: 'New entity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New entity' });
    await expect.poll(() => dialog.getByLabel('Label').inputValue()).toBe('the plan');
    await dialog.getByLabel('Type').selectOption('topic');
    await saving(page, () => dialog.getByRole('button', { name: 'Create' }).click());
    const after = read();
    expect(after).toContain('  - id: the-plan\n    type: topic\n    label: the plan\n');
    expect(after).toContain('# Drafted by kg add');
    expect(await page.evaluate(() => window.kg.graph.getNodeAttribute('the-plan', 'mentions').map((m: { start: number; end: number }) => [m.start, m.end]))).toEqual([[span('the plan').start, span('the plan').end]]);
    expect(kg(['validate', '--data', data]).code).toBe(0);

    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);
    await saving(page, () => page.keyboard.press('Control+z'));
    expect(read()).toBe(before);
    expect(await page.evaluate(() => window.kg.graph.hasNode('the-plan'))).toBe(false);
    await saving(page, () => page.getByRole('button', { name: 'Redo' }).click());
    expect(read()).toBe(after);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('"New relation" between two chosen entities writes a relation with the selection as evidence', async () => {
    const { page } = await open();
    await page.evaluate(() => window.explorer.store.update({ selectedNodes: new Set(['ana-ribeiro', 'the-plan']) }));
    const evidence = 'Starmer welcomed the plan, and Ribeiro';
    await selectWords(page, span(evidence));
    await page.getByRole('button', { name: 'New relation' }).click();
    const dialog = page.getByRole('dialog', { name: 'New relation' });
    // Only what the vocabulary allows from a person to a topic.
    const offered = await dialog.getByLabel('Relation type').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('advocated');
    expect(offered).not.toContain('greeted');
    expect(offered).not.toContain('leader_of');
    await dialog.getByLabel('Relation type').selectOption('advocated');
    await saving(page, () => dialog.getByRole('button', { name: 'Create' }).click());
    expect(read()).toContain(`  - from: ana-ribeiro\n    type: advocated\n    to: the-plan\n    evidence: ${evidence}\n`);
    expect(kg(['validate', '--data', data]).code).toBe(0);
    await page.close();
  });

  it('a change the builder refuses shows its reason and writes nothing', async () => {
    const { page } = await open();
    const before = snapshot();
    await selectNode(page, 'portugal');
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Portugal' });
    await dialog.getByLabel('Type').selectOption('topic');
    await dialog.getByRole('button', { name: 'Save and accept' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/leader_of.*cannot end at a topic|"leader_of"/);
    expect(snapshot()).toEqual(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('rejecting an entity lists the relations that go with it, and cancelling writes nothing', async () => {
    const { page } = await open();
    const before = snapshot();
    await selectNode(page, 'ana-ribeiro');
    await page.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject Ana Ribeiro?' });
    const listed = await dialog.getByRole('listitem').allTextContents();
    expect(listed).toEqual(expect.arrayContaining(['Ana Ribeiro → leader of → Portugal', 'Ana Ribeiro → greeted → Keir Starmer', 'Ana Ribeiro → thanked → Keir Starmer', 'Ana Ribeiro → advocated → the plan']));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(snapshot()).toEqual(before);
    await page.close();
  });

  it('"Merge" moves a drafted duplicate\'s names and mentions to the entity kept', async () => {
    const { page } = await open();
    await selectNode(page, 'defence-budget');
    await page.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge defence budget' });
    await dialog.getByLabel('With').selectOption('defence-spending');
    await dialog.getByLabel('the other one').check();
    await saving(page, () => dialog.getByRole('button', { name: 'Merge' }).click());
    const after = read();
    expect(after).not.toContain('id: defence-budget');
    expect(after).toMatch(/ {2}- id: defence-spending\n {4}aliases: \[defence budget\]\n/);
    expect(await page.evaluate(() => window.kg.graph.getNodeAttribute('defence-spending', 'mentions').length)).toBe(2);
    expect(kg(['validate', '--data', data]).code).toBe(0);
    await page.close();
  });

  it('"Split" makes an alias an entity of its own; Undo puts the file back', async () => {
    const { page } = await open();
    const before = read();
    await selectNode(page, 'portugal');
    await page.getByRole('button', { name: 'Split' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split a name off Portugal' });
    await dialog.getByLabel('Name').selectOption('Portuguese');
    await saving(page, () => dialog.getByRole('button', { name: 'Split' }).click());
    expect(read()).toMatch(/ {2}- id: portuguese\n {4}type: country\n {4}label: Portuguese\n/);
    expect(await page.evaluate(() => window.kg.graph.getNodeAttribute('portugal', 'aliases'))).toEqual([]);
    expect(await page.evaluate(() => window.kg.graph.getNodeAttribute('portuguese', 'mentions').map((m) => m.text))).toEqual(['Portuguese']);
    expect(kg(['validate', '--data', data]).code).toBe(0);
    await saving(page, () => page.getByRole('button', { name: 'Undo' }).click());
    expect(read()).toBe(before);
    await page.close();
  });

  it('window.kg adds, accepts and rejects with the same code as the buttons, each resolving once the change is on disk', async () => {
    const { page } = await open();
    const at = span('support');
    let id: string | undefined;
    await saving(page, async () => {
      id = await page.evaluate((mention) => window.kg.addEntity({ type: 'topic', label: 'support', article: '2025-03-04-ribeiro-meets-starmer', mention }), at);
      // Resolved: the file is written before the page reloads with it.
      expect(read()).toContain('  - id: support\n    type: topic\n    label: support\n');
    });
    expect(id).toBe('support');
    expect(await page.evaluate(() => window.kg.graph.hasNode('support'))).toBe(true);
    const refused = await page.evaluate(() => window.kg.accept('support').then(() => 'accepted', (e: Error) => e.message));
    expect(refused).toMatch(/support is not a draft/);
    await saving(page, () => page.evaluate(() => window.kg.reject('support')));
    expect(read()).not.toContain('id: support');
    expect(await page.evaluate(() => window.kg.graph.hasNode('support'))).toBe(false);
    expect(await page.evaluate(() => window.kg.help())).toContain('kg.addEntity({type, label, article, mention: {start, end}})');
    await page.close();
  });
});

describe('editing what is there', () => {
  it('"Use as evidence" gives the selected relation the selected words as its evidence', async () => {
    const { page } = await open();
    await page.evaluate(() => window.explorer.selection.edge('ana-ribeiro--thanked--keir-starmer'));
    await selectWords(page, span('Ribeiro thanked Starmer for his support'));
    await saving(page, () => page.getByRole('button', { name: 'Use as evidence' }).click());
    expect(read()).toContain('    to: keir-starmer\n    evidence: Ribeiro thanked Starmer for his support\n');
    expect(kg(['validate', '--data', data]).code).toBe(0);
    await page.close();
  });

  it('a change made on data that changed on disk since the page read it is refused: the user is told and the view reloads', async () => {
    const { page } = await open();
    const before = snapshot();
    // The page's stamp is made stale in flight, as if a file had been edited in between.
    await page.route('**/__kg/curate/edit', (route) => route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), base: 'stale' }) }));
    await selectNode(page, 'lisbon');
    await page.evaluate(() => Object.assign(window, { beforeSave: true }));
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('.curation-status').textContent()).toMatch(/changed on disk since this view was loaded: nothing was written/);
    await page.waitForFunction(() => !('beforeSave' in window) && Boolean(window.explorer), null, { timeout: 20_000 });
    expect(snapshot()).toEqual(before);
    await page.close();
  });
});

describe('reviewing the drafts', () => {
  it('the Drafts filter counts the drafts and shows only them (and a drafted relation\'s ends)', async () => {
    const { page } = await open();
    const box = page.locator('#draft-filters');
    expect(await box.textContent()).toMatch(/4 entities and 4 relations drafted/);
    const drafted = await page.evaluate(() => {
      const g = window.kg.graph;
      const nodes = new Set(g.filterNodes((_, a) => a.draft !== undefined));
      g.forEachEdge((_, a, s, t) => a.draft && (nodes.add(s), nodes.add(t)));
      return [...nodes].sort();
    });
    expect(drafted).toContain('keir-starmer');
    expect(drafted).not.toContain('the-plan');
    await page.getByLabel('Only drafts').check();
    await expect.poll(() => page.evaluate(() => [...window.explorer.view.visibleNodes()].sort())).toEqual(drafted);
    await page.getByLabel('Only drafts').uncheck();
    await expect.poll(() => page.evaluate(() => window.explorer.view.visibleNodes().size)).toBe(await page.evaluate(() => window.kg.graph.order));
    await page.close();
  });

  it('shows the review at 1400x900 (light and dark) and 390x844', async () => {
    for (const [viewport, scheme] of [[{ width: 1400, height: 900 }, 'light'], [{ width: 1400, height: 900 }, 'dark'], [{ width: 390, height: 844 }, 'light']] as const) {
      const { page } = await open(viewport, scheme);
      await page.locator('#graph').focus();
      await page.keyboard.press('j');
      await expect.poll(() => page.locator('.review-position').textContent()).toMatch(/^Draft 1 of \d+/);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await expect.poll(() => page.locator('.review-position').textContent()).toMatch(/^Draft 3 of/);
      await expect.poll(() => page.evaluate(() => window.explorer.view.renderer.getCamera().isAnimated())).toBe(false);
      await page.screenshot({ path: join(ARTIFACTS, `review-${scheme}-${viewport.width}x${viewport.height}.png`) });
      expect(await axe(page), `${scheme} ${viewport.width}`).toEqual([]);
      // The Edit dialog over the review, read by axe too, then closed with Escape.
      await page.keyboard.press('e');
      await page.getByRole('dialog').waitFor({ state: 'visible' });
      if (viewport.width > 1000) await page.screenshot({ path: join(ARTIFACTS, `review-edit-${scheme}-${viewport.width}x${viewport.height}.png`) });
      expect(await axe(page), `${scheme} ${viewport.width} dialog`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      // Going back to the first, and the review stopped, leaves no cursor behind.
      await page.getByRole('button', { name: 'Stop review' }).click();
      await page.close();
    }
  });

  it('takes the drafted article to fully reviewed with the keyboard alone; kg validate then passes with no drafts left', async () => {
    const { page, problems } = await open();
    const total = Number(/\((\d+)\)/.exec((await page.getByRole('button', { name: 'Review drafts' }).textContent()) ?? '')![1]);
    expect(total).toBeGreaterThan(5);
    // Typed into a field, the keys are letters, not actions.
    const before = read();
    await page.getByRole('combobox', { name: 'Find an entity or relation' }).pressSequentially('jar');
    await page.waitForTimeout(300);
    expect(await page.locator('.review-position').count()).toBe(0);
    expect(read()).toBe(before);
    await page.keyboard.press('Escape');
    await page.locator('#graph').focus();
    await page.keyboard.press('j');
    for (let step = 0; step < total; step++) {
      const position = (await page.locator('.review-position').textContent()) ?? '';
      expect(position).toMatch(new RegExp(`^Draft 1 of ${total - step}`));
      if (position.endsWith('entity Wire')) {
        // A dateline's agency is no entity of the story: rejected, its (no) relations confirmed with Enter.
        await page.keyboard.press('r');
        await page.getByRole('dialog', { name: 'Reject Wire?' }).waitFor({ state: 'visible' });
        await saving(page, () => page.keyboard.press('Enter'));
      } else {
        await saving(page, () => page.keyboard.press('a'));
      }
    }
    await expect.poll(() => page.locator('.curation-status').textContent()).toMatch(/everything is reviewed/);
    expect(await page.getByRole('button', { name: 'Review drafts (0)' }).isDisabled()).toBe(true);
    expect(read()).not.toMatch(/^\s+draft:/m);
    expect(read()).not.toContain('id: wire');
    const validate = kg(['validate', '--data', data]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(kg(['review', '--data', data, '--article', SLUG]).stdout).toContain(`No drafts in ${SLUG}: everything is reviewed.`);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('the static build', () => {
  it('is read-only: no review control, a note saying how to edit, and window.kg refuses', async () => {
    const out = join(scratch, 'site');
    await buildSite(out, data);
    const session = await startBrowser(out);
    try {
      const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
      await waitForExplorer(page, session.url + HASH);
      await page.evaluate(() => window.explorer.selection.node('ana-ribeiro'));
      for (const name of ['Review drafts', 'Accept', 'Reject', 'Edit', 'Merge', 'Undo', 'Redo', 'New entity', 'New relation']) {
        expect(await page.getByRole('button', { name }).filter({ visible: true }).count(), name).toBe(0);
      }
      expect(await page.locator('#curation-note').isVisible()).toBe(true);
      expect(await page.locator('#curation-note').textContent()).toMatch(/npm start.*writes to data\//);
      const refused = await page.evaluate(() => window.kg.accept('ana-ribeiro').then(() => 'accepted', (e: Error) => e.message));
      expect(refused).toMatch(/read-only.*npm start/);
      await page.close();
    } finally {
      await session.close();
    }
  });
});

/**
 * The explorer's Edit dialogs and two tabs on one dev server (issue 10), in Chromium against
 * `npm start` on a scratch copy of the data with a freshly drafted article: an entity's typed
 * attributes changed, added and removed; a relation retyped (only the types the vocabulary
 * allows offered), reversed, qualified and given new evidence from the text; each change read
 * back from disk, comments kept, `kg validate` passing, undo restoring the file byte for byte.
 * Then a change saved in one tab shows in the other without a manual reload (each reloading
 * once), and a change from a tab that missed it is refused, the user told, nothing overwritten.
 * Last, the relation types `kg add` proposed, in the review queue with the relations using them.
 * Screenshots go to test/artifacts/review-edit-attributes.png, review-edit-relation.png and
 * review-relation-type.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForExplorer } from './helpers/browser.ts';
import { kg } from './helpers/kg.ts';
import { ARTIFACTS, HASH, quiet, reviewSession, saving, selectNode, selectWords, span } from './helpers/reviewPage.ts';

const review = reviewSession('kg-review-edit');
const { data, graphFile, read, snapshot, open } = review;

const validates = () => {
  const run = kg(['validate', '--data', data]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
};
/** The lines of one entry of graph.yaml, from its `- ` line to the next entry's. */
const entryOf = (text: string, first: string) => {
  const at = text.indexOf(first);
  if (at === -1) throw new Error(`graph.yaml has no "${first}"`);
  const next = text.slice(at + first.length).search(/\n {2}- |\n\S/);
  return text.slice(at, next === -1 ? undefined : at + first.length + next + 1);
};

describe("the entity Edit dialog's typed attributes", () => {
  it('changes one, adds one with a control suited to its type, removes one; the file keeps its comments and validates; Undo restores it', async () => {
    writeFileSync(graphFile, read().replace('      role: Prime Minister\n', '      role: Prime Minister   # as the dateline gives it\n'));
    const { page, problems } = await open();
    const before = read();
    await selectNode(page, 'ana-ribeiro');
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Ana Ribeiro' });
    expect(await dialog.getByLabel('Value of role').inputValue()).toBe('Prime Minister');
    await dialog.getByLabel('Value of role').fill('Prime Minister of Portugal');

    // A new row: its name picked from the vocabulary's attributes, its value control following the type.
    await dialog.getByRole('button', { name: 'Add attribute' }).click();
    const names = await dialog.getByLabel('Attribute 2').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(names).toEqual(['role', 'date', 'kind', 'member_count']);
    await dialog.getByLabel('Attribute 2').selectOption('member_count');
    expect(await dialog.getByLabel('Value of member_count').getAttribute('type')).toBe('number');
    await dialog.getByLabel('Attribute 2').selectOption('date');
    expect(await dialog.getByLabel('Value of date').getAttribute('placeholder')).toBe('YYYY, YYYY-MM or YYYY-MM-DD');
    await dialog.getByLabel('Value of date').fill('4 March 2025');
    // Refused with the reason, in the dialog; nothing written.
    const files = snapshot();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/date \(date\) must be an ISO 8601 date/);
    expect(snapshot()).toEqual(files);

    await dialog.getByLabel('Value of date').fill('2025-03');
    await dialog.getByRole('button', { name: 'Add attribute' }).click();
    await dialog.getByLabel('Attribute 3').selectOption('kind');
    await dialog.getByLabel('Value of kind').fill('head of government');
    await page.screenshot({ path: join(ARTIFACTS, 'review-edit-attributes.png') });
    await dialog.getByRole('button', { name: 'Remove kind' }).click();
    expect(await dialog.getByLabel('Value of kind').count()).toBe(0);
    await saving(page, () => dialog.getByRole('button', { name: 'Save', exact: true }).click());

    const after = read();
    expect(entryOf(after, '  - id: ana-ribeiro')).toContain('    attributes:\n      role: Prime Minister of Portugal   # as the dateline gives it\n      date: 2025-03\n    draft:\n');
    expect(after).toContain('# Drafted by kg add');
    expect(after.replace(entryOf(after, '  - id: ana-ribeiro'), '')).toBe(before.replace(entryOf(before, '  - id: ana-ribeiro'), ''));
    expect(await page.evaluate(() => window.kg.graph.getNodeAttribute('ana-ribeiro', 'attributes'))).toEqual({ role: 'Prime Minister of Portugal', date: '2025-03' });
    validates();

    // Removing the last one removes the key.
    await selectNode(page, 'ana-ribeiro');
    await page.getByRole('button', { name: 'Edit' }).click();
    await dialog.getByRole('button', { name: 'Remove date' }).click();
    await dialog.getByRole('button', { name: 'Remove role' }).click();
    await saving(page, () => dialog.getByRole('button', { name: 'Save', exact: true }).click());
    expect(entryOf(read(), '  - id: ana-ribeiro')).not.toContain('attributes');
    validates();

    await saving(page, () => page.getByRole('button', { name: 'Undo' }).click());
    expect(read()).toBe(after);
    await saving(page, () => page.keyboard.press('Control+z'));
    expect(read()).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the relation Edit dialog', () => {
  it('retypes (from the allowed types only), reverses and qualifies a relation, and its evidence is chosen again in the text; Undo restores the file byte for byte', async () => {
    const { page, problems } = await open();
    const before = read();
    await page.evaluate(() => window.explorer.selection.edge('ana-ribeiro--greeted--keir-starmer'));
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Ana Ribeiro → greeted → Keir Starmer' });
    const offered = () => dialog.getByLabel('Relation type').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    // From a person to a person: "hosted", "met" and the proposed "greeted", never "leader_of" (to a country or organisation) or "located_in".
    expect(await offered()).toEqual(expect.arrayContaining(['hosted', 'met', 'greeted', 'thanked', 'urged']));
    expect(await offered()).not.toContain('leader_of');
    expect(await offered()).not.toContain('located_in');
    await dialog.getByLabel('Reverse: Keir Starmer → Ana Ribeiro').check();
    await dialog.getByLabel('Relation type').selectOption('hosted');
    // The qualifiers the vocabulary declares for "hosted".
    await dialog.getByLabel('date (date)').fill('2025-03-04');
    await page.screenshot({ path: join(ARTIFACTS, 'review-edit-relation.png') });
    await saving(page, () => dialog.getByRole('button', { name: 'Save', exact: true }).click());
    const retyped = read();
    expect(entryOf(retyped, '  - from: keir-starmer\n    type: hosted')).toBe('  - from: keir-starmer\n    type: hosted\n    to: ana-ribeiro\n    evidence: Ana Ribeiro greeted Keir Starmer\n    qualifiers: {date: 2025-03-04}\n    draft:\n      confidence: 0.5\n      rule: svo\n');
    expect(await page.evaluate(() => window.kg.graph.getEdgeAttribute('keir-starmer--hosted--ana-ribeiro', 'qualifiers'))).toEqual({ date: '2025-03-04' });
    validates();

    // The evidence: other words selected in the article, then "Use as evidence".
    await page.evaluate(() => window.explorer.selection.edge('keir-starmer--hosted--ana-ribeiro'));
    await selectWords(page, span('Ana Ribeiro greeted Keir Starmer in Lisbon'));
    await saving(page, () => page.getByRole('button', { name: 'Use as evidence' }).click());
    expect(read()).toContain('    to: ana-ribeiro\n    evidence: Ana Ribeiro greeted Keir Starmer in Lisbon\n    qualifiers: {date: 2025-03-04}\n');
    expect(await page.evaluate(() => window.kg.graph.getEdgeAttribute('keir-starmer--hosted--ana-ribeiro', 'evidence').text)).toBe('Ana Ribeiro greeted Keir Starmer in Lisbon');
    validates();

    await saving(page, () => page.getByRole('button', { name: 'Undo' }).click());
    expect(read()).toBe(retyped);
    await saving(page, () => page.getByRole('button', { name: 'Undo' }).click());
    expect(read()).toBe(before);
    expect(await page.evaluate(() => window.kg.graph.hasEdge('ana-ribeiro--greeted--keir-starmer'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** Counts the documents a page asks for from now on (a reload cut short by another counts too; a new #hash does not). */
function navigations(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => void (request.isNavigationRequest() && request.frame() === page.mainFrame() && count++));
  return () => count;
}

describe('two tabs on the same dev server', () => {
  it('a change saved in one shows in the other without a manual reload, and each reloads once, however many files it wrote', async () => {
    const a = await open();
    const b = await open();
    const inA = navigations(a.page);
    const inB = navigations(b.page);
    const settled = async () => {
      await quiet(a.page);
      await quiet(b.page);
      // Past the page's own fallback reload (1.5 s after a save): nothing more comes.
      await a.page.waitForTimeout(2000);
    };
    expect(await b.page.evaluate(() => window.kg.graph.getNodeAttribute('lisbon', 'draft'))).toBeDefined();
    await selectNode(a.page, 'lisbon');
    await saving(a.page, () => a.page.getByRole('button', { name: 'Accept' }).click());
    expect(entryOf(read(), '  - id: lisbon')).not.toContain('draft:');
    await b.page.waitForFunction(() => window.kg?.graph.hasNode('lisbon') && window.kg.graph.getNodeAttribute('lisbon', 'draft') === undefined, null, { timeout: 20_000 });
    await settled();
    expect([inA(), inB()]).toEqual([1, 1]);

    // Rejecting an entity every article names writes entities.yaml and each article's graph.yaml: still one reload.
    const files = snapshot();
    await saving(a.page, () => a.page.evaluate(() => window.kg.reject('keir-starmer')));
    const changed = Object.keys(files).filter((f) => snapshot()[f] !== files[f]);
    expect(changed.length).toBeGreaterThan(2);
    await b.page.waitForFunction(() => window.kg && !window.kg.graph.hasNode('keir-starmer'), null, { timeout: 20_000 });
    await settled();
    expect([inA(), inB()]).toEqual([2, 2]);
    await saving(a.page, () => a.page.getByRole('button', { name: 'Undo' }).click());
    expect(snapshot()).toEqual(files);
    await b.page.waitForFunction(() => window.kg?.graph.hasNode('keir-starmer'), null, { timeout: 20_000 });
    await settled();
    expect([inA(), inB()]).toEqual([3, 3]);
    expect([...a.problems, ...b.problems]).toEqual([]);
    await a.page.close();
    await b.page.close();
  });

  it('a change from a tab that missed the other\'s is refused, the user told, the other\'s change kept; the tab then reloads with it', async () => {
    const a = await open();
    // Tab B hears nothing from the dev server (its connection dropped): it keeps the data it loaded.
    const context = await review.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const b = await context.newPage();
    await b.routeWebSocket(/.*/, () => {});
    await waitForExplorer(b, review.url + HASH);
    await quiet(b);

    await selectNode(a.page, 'portugal');
    await a.page.getByRole('button', { name: 'Edit' }).click();
    await a.page.getByRole('dialog').getByLabel('Description').fill('A country on the Iberian peninsula.');
    await saving(a.page, () => a.page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click());
    const afterA = snapshot();
    expect(entryOf(read(), '  - id: portugal')).toContain('    description: A country on the Iberian peninsula.\n');

    expect(await b.evaluate(() => window.kg.graph.getNodeAttribute('portugal', 'description'))).toBe('');
    await selectNode(b, 'portugal');
    await b.getByRole('button', { name: 'Edit' }).click();
    await b.getByRole('dialog').getByLabel('Label').fill('Portuguese Republic');
    await b.evaluate(() => Object.assign(window, { beforeSave: true }));
    await b.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => b.locator('.curation-status').textContent()).toMatch(/changed on disk since this view was loaded: nothing was written/);
    expect(snapshot()).toEqual(afterA);
    // The tab reloads by itself, with the other's change.
    await b.waitForFunction(() => !('beforeSave' in window) && Boolean(window.kg), null, { timeout: 20_000 });
    await quiet(b);
    expect(await b.evaluate(() => window.kg.graph.getNodeAttribute('portugal', 'description'))).toBe('A country on the Iberian peninsula.');
    expect(a.problems).toEqual([]);
    await a.page.close();
    await context.close();
  });
});

describe('relation types kg add proposed', () => {
  /** Starts the review (or goes on) and steps with J until the item named `name` is the one shown. */
  async function reviewTo(page: Page, name: string): Promise<void> {
    await page.locator('#graph').focus();
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('j');
      if ((await page.locator('.review-position').textContent())?.includes(name)) return;
    }
    throw new Error(`the review never reached ${name}`);
  }

  it('are in the review queue with the relations using them; A keeps one, R removes one only once no relation uses it', async () => {
    const { page, problems } = await open();
    const total = Number(/\((\d+)\)/.exec((await page.getByRole('button', { name: 'Review drafts' }).textContent()) ?? '')![1]);
    await reviewTo(page, 'relation type greeted (person → person)');
    expect(await page.locator('.review-type-uses li').allTextContents()).toEqual(['Ana Ribeiro → greeted → Keir Starmer']);
    const group = page.getByRole('group', { name: 'Curate the relation type' });
    await expect.poll(() => page.evaluate(() => window.explorer.view.renderer.getCamera().isAnimated())).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'review-relation-type.png') });
    // A relation of the list is selected from there (to retype it, say): a draft too, the review is
    // then at it, just before its type, and J comes back to the type.
    await page.getByRole('button', { name: 'Ana Ribeiro → greeted → Keir Starmer' }).click();
    expect(await page.evaluate(() => window.explorer.store.get().selection)).toEqual({ kind: 'edge', id: 'ana-ribeiro--greeted--keir-starmer' });
    expect(await page.locator('.review-position').textContent()).toContain('relation Ana Ribeiro → greeted → Keir Starmer');
    expect(await group.count()).toBe(0);
    await page.locator('#graph').focus();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.review-position').textContent()).toContain('relation type greeted (person → person)');
    expect(await group.count()).toBe(1);
    await saving(page, () => page.keyboard.press('a'));
    expect(read(review.vocabularyFile)).toMatch(/\n {2}greeted:\n {4}label: greeted\n(?: {4}.*\n)*? {2}greeted_in:/);
    expect(read(review.vocabularyFile).match(/\n {2}greeted:\n((?: {4}.*\n)*)/)![1]).not.toContain('draft:');
    expect(await page.getByRole('button', { name: `Review drafts (${total - 1})` }).count()).toBe(1);
    validates();

    await reviewTo(page, 'relation type thanked');
    const files = snapshot();
    await group.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => page.locator('.curation-status').textContent()).toMatch(/Not saved: relation type thanked is used by 1 relation \(.*ana-ribeiro--thanked--keir-starmer\): retype or reject it first/);
    expect(snapshot()).toEqual(files);
    await saving(page, () => page.evaluate(() => window.kg.reject('ana-ribeiro--thanked--keir-starmer')));
    // The review resumes at the type, now used by nothing.
    await expect.poll(() => page.locator('.review-position').textContent()).toContain('relation type thanked');
    expect(await page.locator('.review-type-uses').textContent()).toContain('no relation uses it');
    await saving(page, () => page.keyboard.press('r'));
    expect(read(review.vocabularyFile)).not.toContain('  thanked:');
    validates();

    // window.kg takes them too.
    await saving(page, () => page.evaluate(() => window.kg.accept('greeted_in')));
    expect(read(review.vocabularyFile).match(/\n {2}greeted_in:\n((?: {4}.*\n)*)/)![1]).not.toContain('draft:');
    expect(await page.evaluate(() => window.kg.reject('greeted').then(() => 'rejected', (e: Error) => e.message))).toMatch(/relation type greeted is not a draft/);
    validates();
    expect(problems).toEqual([]);
    await page.close();
  });
});

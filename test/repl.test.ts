import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArticle, loadArticle } from '../src/corpus/index.ts';
import { completeEntity, entityNames } from '../src/cli/repl.ts';
import { REPO, SEED_SLUG, sources } from './helpers/sources.ts';

const { graph } = loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG)));
const names = entityNames(graph);

describe('REPL tab completion', () => {
  it('completes entity ids, labels and aliases inside quotes, case-insensitively', () => {
    const [matches, typed] = completeEntity(names, 'neighbours("sta')!;
    expect(typed).toBe('sta');
    expect(matches).toEqual(expect.arrayContaining(['Starmer', "Starmer's government"]));
    expect(matches.every((m) => m.toLowerCase().startsWith('sta'))).toBe(true);
    expect(completeEntity(names, "show('olaf")![0]).toEqual(['Olaf Scholz', 'olaf-scholz']);
    expect(completeEntity(names, 'path("iiss", "Bru')![0]).toEqual(['Brussels']);
  });

  it('leaves everything outside quotes to Node\'s own completer', () => {
    expect(completeEntity(names, 'neigh')).toBeUndefined();
    expect(completeEntity(names, 'show("UK")')).toBeUndefined();
    expect(completeEntity(names, 'path("UK", \'ger')![0]).toEqual(['Germany']);
    expect(completeEntity(names, "show('EU leaders'")).toBeUndefined();
    expect(completeEntity(names, "show('EU lead")![0]).toEqual(["EU leaders", "EU leaders\\' dinner in Brussels"]);
    expect(completeEntity(names, 'show("EU lead')![0]).toEqual(['EU leaders', "EU leaders' dinner in Brussels"]);
  });
});

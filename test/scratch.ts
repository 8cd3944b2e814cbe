import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KG_BIN } from './helpers/kg.ts';
import { MINI, REPO } from './helpers/sources.ts';

/** Runs the built `kg` as helpers/kg.ts does, but keeps the output as bytes and takes a timeout (a hang fails, not stalls). */
export function kgBytes(args: string[], timeout = 20_000) {
  const r = spawnSync(process.execPath, [KG_BIN, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', KG_DATA: '', KG_ARTICLE: '' }, timeout });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A person of a scratch data folder; person i leads country i. */
export interface ScratchPerson {
  label: string;
  description?: string;
  aliases?: string[];
}

/**
 * Writes a data folder that validates: the mini fixture's vocabulary, and an article that names
 * every label and alias and holds every evidence quote (`<label> leads Country <i>.`) verbatim.
 * `slug` names the article and so its build cache file: a test that owns its slug owns its cache entry.
 */
export function scratchData(slug: string, people: ScratchPerson[], options: { title?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-data-'));
  const articleDir = join(dir, 'articles', slug);
  mkdirSync(articleDir, { recursive: true });
  cpSync(join(MINI, 'vocabulary.yaml'), join(dir, 'vocabulary.yaml'));
  const sentences: string[] = [];
  const entities: string[] = [];
  const relations: string[] = [];
  people.forEach((person, i) => {
    const n = String(i).padStart(5, '0');
    const aliases = person.aliases ?? [];
    const evidence = `${person.label} leads Country ${n}.`;
    sentences.push(`${evidence} Also known as ${aliases.join(' or ') || 'nothing else'}. Country ${n} was named.`);
    entities.push(
      `  - id: person-${n}\n    type: person\n    label: ${yamlText(person.label)}\n    aliases: [${aliases.map(yamlText).join(', ')}]\n` +
        `    description: ${yamlText(person.description ?? '')}\n  - id: country-${n}\n    type: country\n    label: "Country ${n}"\n`,
    );
    relations.push(`  - from: person-${n}\n    type: leader_of\n    to: country-${n}\n    evidence: ${yamlText(evidence)}\n`);
  });
  writeFileSync(join(articleDir, 'article.txt'), `${sentences.join('\n')}\n`);
  writeFileSync(join(articleDir, 'meta.yaml'), `title: ${yamlText(options.title ?? 'A scratch article')}\npublisher: Wire\ndateline: Nowhere\ndate: "2025-01-01"\n`);
  writeFileSync(join(articleDir, 'graph.yaml'), `entities:\n${entities.join('')}relations:\n${relations.join('')}`);
  return dir;
}

/**
 * A YAML scalar for any string. A long printable line goes as a folded scalar, which the yaml
 * package parses far faster than a quoted one; anything else double-quoted with every non-ASCII
 * character escaped, because YAML refuses raw C1 controls.
 */
function yamlText(text: string): string {
  if (text.length > 1000 && /^[!-~][ -~]*[!-~]$/.test(text)) return `>-\n      ${text}`;
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

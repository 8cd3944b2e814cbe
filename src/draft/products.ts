import type { Cluster } from './entities';
import type { Mention } from './mentions';
import type { Token } from './nlp';

/** Rules whose type is a guess from the name's shape, which a product's name fits as well. */
const WEAK_RULES = new Set(['default', 'name-shape', 'given-name', 'acronym', 'org-prefix']);
const PRODUCT_NOUN = /^(?:brand|product|label|snack|drink|model|title)s?$/u;

/**
 * Clusters named only inside lists of products: "maker of M&M's and Snickers", "adding Pringles,
 * Cheez-It and Pop-Tarts to its brands", "brands include Eggo waffles". A curator does not draft
 * products, and their names look like companies'.
 */
export function productClusters(tokens: Token[], mentions: Mention[], clusters: Cluster[]): Set<number> {
  const txt = (i: number): string => tokens[i]?.text.toLowerCase() ?? '';
  const inList = new Set<Mention>();
  for (let a = 0; a < mentions.length; ) {
    // A list: mentions joined by commas and "and", each perhaps followed by a common noun ("Eggo waffles").
    let b = a;
    let end = mentions[a]!.last;
    while (b + 1 < mentions.length) {
      let j = mentions[b]!.last;
      if (txt(j) === "'s" || txt(j) === '’s') j++; // "M&M's"
      while (j - mentions[b]!.last < 4 && /^(?:NOUN|ADJ)$/u.test(tokens[j]?.pos ?? '') && /^\p{Ll}/u.test(tokens[j]!.text)) j++;
      end = j;
      if (txt(j) === ',') j++;
      if (txt(j) === 'and' || txt(j) === 'or') j++;
      if (j === end || mentions[b + 1]!.first !== j || tokens[j]!.sent !== tokens[mentions[a]!.first]!.sent) break;
      b++;
    }
    const s = mentions[a]!.first;
    const before = `${txt(s - 3)} ${txt(s - 2)} ${txt(s - 1)}`;
    const cueBefore = /\bmakers? of$|\b(?:brands|products) (?:also )?includes?$|\b(?:brands|products) (?:such as|like)$/u.test(before);
    let cueAfter = false;
    for (let j = end; j < tokens.length && j - end < 7 && tokens[j]!.sent === tokens[s]!.sent && tokens[j]!.pos !== 'VERB'; j++) {
      if (PRODUCT_NOUN.test(txt(j))) { cueAfter = true; break; }
    }
    if (b > a && (cueBefore || cueAfter)) for (let m = a; m <= b; m++) inList.add(mentions[m]!);
    a = b + 1;
  }
  const out = new Set<number>();
  const outside = new Set<number>();
  for (const m of mentions) if (!inList.has(m)) outside.add(m.key);
  for (const m of inList) if (!outside.has(m.key) && WEAK_RULES.has(clusters[m.key]!.rule)) out.add(m.key);
  return out;
}

const COMPANY_NOUN = /^(?:makers|companies|firms|groups|rivals|competitors|retailers|manufacturers|producers|lenders|banks|carriers|airlines|brands|chains|insurers)$/u;

/** "makers including Kraft Heinz, Mondelez and Hershey": names given as examples of companies are organisations, whatever their shape. */
export function retypeCompanyExamples(tokens: Token[], mentions: Mention[], clusters: Cluster[]): void {
  for (let a = 0; a < mentions.length; a++) {
    const s = mentions[a]!.first;
    const cue = tokens[s - 1]?.text === 'including' ? s - 2 : tokens[s - 1]?.text === 'as' && tokens[s - 2]?.text === 'such' ? s - 3 : -1;
    if (cue < 0 || !COMPANY_NOUN.test(tokens[cue]?.text ?? '')) continue;
    for (let b = a; b < mentions.length && tokens[mentions[b]!.first]!.sent === tokens[s]!.sent; b++) {
      const k = clusters[mentions[b]!.key]!;
      if (WEAK_RULES.has(k.rule) && k.type === 'person') { k.type = 'organisation'; k.rule = 'example-of-companies'; }
      const gap = tokens.slice(mentions[b]!.last, mentions[b + 1]?.first ?? mentions[b]!.last).map((t) => t.text).join(' ');
      if (!/^(?:,|and|, and|or|, or)$/u.test(gap)) break;
    }
  }
}

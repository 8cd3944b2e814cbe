/**
 * An article's metadata as its text gives it: the dateline ("BRUSSELS (Reuters) -"), the date
 * ("On Monday 3 February 2025", "Feb. 3, 2025") and a title (a headline line, else the opening).
 * Whatever the caller gives wins; what neither gives is left out, for the caller to ask for.
 */
export interface DetectedMeta {
  title?: string;
  publisher?: string;
  dateline?: string;
  date?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`);
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`);
// A place in capitals, an optional region, then the agency in brackets and a dash: "BRUSSELS (Reuters) -".
const DATELINE = /^\s*([A-Z][A-Za-z]{0,30}[A-Z][A-Z .'-]{0,40}?)(?:, [A-Z][A-Za-z .]{1,40}){0,3}\s*\(([^()\n]{2,40})\)\s*[-–—]/m;
// The same without an agency: "McLEAN, Virginia, Aug 14 —".
const BARE_DATELINE = /^\s*([A-Z][A-Za-z]{0,30}[A-Z][A-Z .'-]{0,40}?),[^\n]{0,40}?[-–—]\s/m;

const iso = (year: string, month: number, day: string) => `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase());

/** "BRUSSELS" -> "Brussels", "McLEAN" -> "McLean"-ish: capitals kept only at word starts. */
function titleCase(place: string): string {
  return place.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase()).replace(/^Mc(\p{L})/u, (_, l: string) => `Mc${l.toUpperCase()}`);
}

/** The first valid full date in `text`. */
function findDate(text: string): string | undefined {
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = MONTH_DAY_YEAR.exec(text);
  const first = [dmy && { at: dmy.index, date: iso(dmy[3]!, monthIndex(dmy[2]!), dmy[1]!) }, mdy && { at: mdy.index, date: iso(mdy[3]!, monthIndex(mdy[1]!), mdy[2]!) }]
    .filter((d): d is { at: number; date: string } => Boolean(d))
    .sort((a, b) => a.at - b.at)[0];
  if (!first) return undefined;
  const [year, month, day] = first.date.split('-').map(Number);
  const check = new Date(Date.UTC(year!, month! - 1, day!));
  return check.getUTCMonth() === month! - 1 && check.getUTCDate() === day ? first.date : undefined;
}

/** A headline: the first line, when it is short, is not the dateline's and does not end a sentence. */
function findTitle(text: string, datelineAt: number | undefined): string | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const first = lines.find(Boolean);
  if (first && first.length <= 150 && !/[.!?:;,]$/.test(first) && (datelineAt === undefined || text.indexOf(first) < datelineAt)) return first;
  const opening = text.replace(DATELINE, '').replace(BARE_DATELINE, '').trim().split(/(?<=[.!?])\s/)[0];
  if (!opening) return undefined;
  if (opening.length <= 120) return opening.replace(/[.!?]$/, '');
  return `${opening.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

/** A dateline opens the story: only its first lines are searched (and the patterns are bounded), so a huge text costs nothing. */
const HEAD = 2000;

export function detectMetadata(text: string): DetectedMeta {
  const head = text.slice(0, HEAD);
  const full = DATELINE.exec(head);
  const bare = full ? null : BARE_DATELINE.exec(head);
  const line = full ?? bare;
  const meta: DetectedMeta = {};
  if (line) meta.dateline = titleCase(line[1]!.trim());
  if (full) meta.publisher = full[2]!.trim();
  // The story's own date follows its dateline ("BRUSSELS (Reuters) - On Monday 3 February 2025");
  // one above it belongs to a caption or a headline.
  const date = (line ? findDate(text.slice(line.index + line[0].length, line.index + line[0].length + 300)) : undefined) ?? findDate(text);
  if (date) meta.date = date;
  const title = findTitle(head, line?.index);
  if (title) meta.title = title;
  return meta;
}

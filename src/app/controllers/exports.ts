import type { LoadedArticle } from '../../corpus/built.ts';
import { exportArticle, type ExportFormat } from '../../export/index.ts';

const MIME: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  json: 'application/json',
  csv: 'text/csv',
};

/** The core's exporters, with the positions on screen, as downloads: the same bytes the CLI writes. */
export function exportFiles(article: LoadedArticle, format: ExportFormat, slug: string): File[] {
  return exportArticle(article, format).map(
    (file) => new File([...file.chunks], `${slug}${file.suffix || `.${format}`}`, { type: MIME[format] }),
  );
}

export function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The data formats download at once; images (PNG, SVG) are made by ./exportsImage.ts, after the dialog. */
export function downloadExport(article: LoadedArticle, format: ExportFormat, slug: string): void {
  for (const file of exportFiles(article, format, slug)) download(file);
}

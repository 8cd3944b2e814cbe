/**
 * Checks a GraphML file against the XSD (xmllint) and real readers (NetworkX, igraph), for tests.
 *
 * Needs libxml2-utils, python3-networkx and python3-igraph (Debian); runs /usr/bin/python3, not the
 * python3 first on PATH. The XSD is looked up beside the repository: `../shared/graphml/graphml.xsd`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../..');
export const GRAPHML_XSD = path.resolve(REPO_ROOT, '../shared/graphml/graphml.xsd');
export const PYTHON = '/usr/bin/python3';
const READERS_SCRIPT = path.join(HERE, 'graphml_readers.py');

/** A python value as reported: [python type name, value]; non-finite floats are "nan"/"inf"/"-inf". */
export type TypedValue = [type: string, value: string | number | boolean | null];

export interface ReaderReport {
  /** NetworkX only: the graph class read_graphml built (MultiDiGraph, DiGraph, ...). */
  class?: string;
  nodes: number;
  edges: number;
  directed: boolean;
  graph_attrs: Record<string, TypedValue>;
  /** Attribute name -> python type names of the values seen. */
  node_attrs: Record<string, string[]>;
  edge_attrs: Record<string, string[]>;
  /** Node id -> attribute -> typed value (igraph includes its own `id` attribute); every node with `all`. */
  node_samples: Record<string, Record<string, TypedValue>>;
  /** The first three edges, or every edge with `all`, in the reader's order. */
  edge_samples: { id: string | null; source: string; target: string; attrs: Record<string, TypedValue> }[];
}
export type ReaderResult = ReaderReport | { error: string };

export interface GraphMLCheck {
  xsd: { ok: boolean; output: string };
  networkx: ReaderResult;
  igraph: ReaderResult;
}

/** Runs a command to completion; never rejects (the exit code and output are the result). */
export function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (err && code !== 0 && !stderr ? String(err) : '') });
    });
  });
}

export interface CheckOptions {
  /** Report every node and every edge with its attributes, not samples (small files only). */
  all?: boolean;
}

/**
 * Validates `file` with xmllint against the GraphML XSD and loads it with NetworkX and igraph.
 * `sampleNodes`: node ids whose attributes the readers report (default: the first three).
 */
export async function checkGraphML(file: string, sampleNodes: string[] = [], options: CheckOptions = {}): Promise<GraphMLCheck> {
  const [lint, py] = await Promise.all([
    run('xmllint', ['--noout', '--schema', GRAPHML_XSD, file]),
    run(PYTHON, [READERS_SCRIPT, ...(options.all ? ['--all'] : []), file, ...sampleNodes]),
  ]);
  const output = (lint.stdout + lint.stderr).trim();
  const xsd = { ok: lint.code === 0, output: output.length > 4000 ? output.slice(0, 4000) + '…' : output };
  if (py.code !== 0) {
    const error = `graphml_readers.py exited ${py.code}: ${py.stderr.trim().split('\n').slice(-3).join(' ')}`;
    return { xsd, networkx: { error }, igraph: { error } };
  }
  const readers = JSON.parse(py.stdout) as { networkx: ReaderResult; igraph: ReaderResult };
  return { xsd, ...readers };
}

/** Narrows a reader result, failing with the reader's error message. */
export function report(result: ReaderResult): ReaderReport {
  if ('error' in result) throw new Error(result.error);
  return result;
}

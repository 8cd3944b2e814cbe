import { decodeSource } from '../corpus/decodeSource.ts';
import { DataValidationError, type DataIssue } from '../model/errors.ts';
import { readRegularFile } from './readData.ts';

/** The article's text: a file, or standard input for `-`, strict UTF-8 like every data file. */
export async function readText(file: string): Promise<string> {
  const issues: DataIssue[] = [];
  let bytes: Uint8Array | undefined;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  } else bytes = readRegularFile(file, issues);
  const source = bytes && decodeSource(file === '-' ? 'standard input' : file, bytes, issues);
  if (!source) throw new DataValidationError(issues);
  return source.text;
}

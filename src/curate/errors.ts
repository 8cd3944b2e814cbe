/** An edit that cannot be made as asked (an unknown id, a selection that is no span): said in one line, nothing written. */
export class CurationError extends Error {
  override name = 'CurationError';
}

/** A data file whose YAML the edit cannot splice (flow style where a block list is needed, or not YAML). */
export class YamlEditError extends CurationError {
  override name = 'YamlEditError';
}

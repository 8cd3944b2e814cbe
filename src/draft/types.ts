import type { EntityType, Span } from '../model/types';

/** An entity the corpus already has; a drafted entity that names it takes its id. */
export interface KnownEntity {
  id: string;
  type: EntityType;
  label: string;
  aliases: string[];
}

/** The vocabulary's relation types, as much of them as drafting needs (parsed by the caller). */
export interface DraftVocabulary {
  relations: Record<string, { label: string; from: EntityType[]; to: EntityType[] }>;
}

export interface DraftOptions {
  known?: KnownEntity[];
  vocabulary?: DraftVocabulary;
}

export interface DraftEntity {
  id: string;
  type: EntityType;
  label: string;
  aliases: string[];
  mentions: Span[];
  confidence: number;
  rule: string;
  attributes?: { role?: string };
  /** True when the id came from `options.known`. */
  known?: boolean;
}

export interface DraftRelation {
  from: string;
  type: string;
  label: string;
  to: string;
  evidence: Span;
  confidence: number;
  rule: string;
  /** True when no vocabulary type fits: `type` is then a draft vocabulary id. */
  proposed?: boolean;
}

export interface Draft {
  entities: DraftEntity[];
  relations: DraftRelation[];
}

import {
  BriefdeckProblem,
  briefPlace,
  mostRestrictive,
  type ArgumentBlock,
  type Brief,
  type Extraction,
  type Override,
  type Warning,
} from '../model/index.js'

export interface OverriddenExtractions {
  readonly extractions: Extraction[]
  /** Overrides whose block id matches no block any more; they stay in the brief until someone decides. */
  readonly orphans: Warning[]
}

/**
 * Applies the corrections that hold for every audience — text, kind, drop,
 * marking — to the extracted blocks. Placement (`short`, `section`,
 * `audiences`) depends on the audience and is read by compose.
 */
export function applyOverrides(extractions: readonly Extraction[], brief: Brief): OverriddenExtractions {
  const known = new Set(extractions.flatMap((extraction) => extraction.blocks.map((block) => block.id)))
  const orphans = Object.keys(brief.overrides)
    .filter((id) => !known.has(id))
    .map((id) => orphanWarning(brief, id))
  const corrected = extractions.map((extraction) => ({
    ...extraction,
    blocks: extraction.blocks.flatMap((block) => correctBlock(block, brief.overrides[block.id])),
  }))
  return { extractions: corrected, orphans }
}

function correctBlock(block: ArgumentBlock, override: Override | undefined): ArgumentBlock[] {
  if (!override) return [block]
  if (override.drop) return []
  const corrected = { ...block }
  if (override.text) corrected.text = override.text
  if (override.kind) {
    corrected.kind = override.kind
    // A kind an analyst chose is no longer a guess; it competes for slides as the surest of its kind.
    corrected.confidence = 1
  }
  // An override can only tighten a marking, never loosen what the block already carries.
  if (override.marking)
    corrected.marking = mostRestrictive(block.marking ? [block.marking, override.marking] : [override.marking])
  return [corrected]
}

function orphanWarning(brief: Brief, id: string): Warning {
  const sourceId = id.slice(0, id.indexOf(':'))
  const why = brief.sources.some((source) => source.id === sourceId)
    ? `no block of source '${sourceId}' has this id any more (its sentence changed, or the id is mistyped)`
    : `the brief has no source '${sourceId}'`
  return new BriefdeckProblem(
    `override '${id}' is orphaned: ${why}; it is kept in the brief, update or remove it`,
    briefPlace(brief, 'overrides', id),
    'orphaned-override',
    { fatal: false, source: 'brief' },
  )
}

import { z } from 'zod'

/**
 * Classification levels in ascending order of restriction. The sample content
 * is unclassified; the levels exist so that markings can be modelled as data.
 */
export const classificationLevels = ['UNCLASSIFIED', 'CUI', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const
export const Classification = z.enum(classificationLevels)
export type Classification = z.infer<typeof Classification>

/** ISO 3166 alpha-3 trigraph such as `USA` or `PHL`. */
export const Trigraph = z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 3166 code such as USA')

export const Marking = z.object({
  classification: Classification.default('UNCLASSIFIED'),
  /** Handling caveats such as `FOUO` or `NOFORN`, printed after the level. */
  handling: z.array(z.string().min(1)).default([]),
  /** Countries the content may be released to; absent means no restriction. */
  releasableTo: z.array(Trigraph).optional(),
})
export type Marking = z.infer<typeof Marking>

export const unclassified: Marking = { classification: 'UNCLASSIFIED', handling: [] }

const rank = (level: Classification) => classificationLevels.indexOf(level)

/** The most restrictive combination: highest level, all caveats, the intersection of releasability. */
export function mostRestrictive(markings: readonly Marking[]): Marking {
  return markings.reduce<Marking>((acc, next) => {
    const classification =
      rank(next.classification) > rank(acc.classification) ? next.classification : acc.classification
    const handling = [...new Set([...acc.handling, ...next.handling])]
    const releasableTo = intersectReleasability(acc.releasableTo, next.releasableTo)
    return releasableTo ? { classification, handling, releasableTo } : { classification, handling }
  }, unclassified)
}

function intersectReleasability(a?: readonly string[], b?: readonly string[]): string[] | undefined {
  if (!a) return b ? [...b] : undefined
  if (!b) return [...a]
  return a.filter((country) => b.includes(country))
}

/** Whether content with this marking may go to an audience made of these countries. */
export function isReleasableTo(marking: Marking, countries: readonly string[]): boolean {
  const allowed = marking.releasableTo
  return !allowed || countries.every((country) => allowed.includes(country))
}

/** Banner text, e.g. `UNCLASSIFIED//FOUO//REL TO USA, AUS, JPN`; USA first, then alphabetical. */
export function bannerText(marking: Marking): string {
  const parts: string[] = [marking.classification, ...marking.handling]
  if (marking.releasableTo) {
    const others = marking.releasableTo.filter((c) => c !== 'USA').sort()
    const countries = marking.releasableTo.includes('USA') ? ['USA', ...others] : others
    parts.push(`REL TO ${countries.join(', ')}`)
  }
  return parts.join('//')
}

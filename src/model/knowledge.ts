// World knowledge the extractor reads: countries and territories,
// international organisations and public bodies, the offices that introduce
// a person's name, common acronyms, historical eras; and the leaders that
// audience profiles name in their patterns (`{leaders:USA}`). Data, not code: the
// files in templates/knowledge/ ship with briefdeck, and a brief repository
// adds its own in knowledge/*.json; each file holds any of these keys.
import { z } from 'zod'
import { Trigraph } from './marking.js'

/** An actor with the other names texts use for it (capitals for governments, demonyms, acronyms). */
export const KnownActor = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
})
export type KnownActor = z.infer<typeof KnownActor>

export const Era = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** The years it spans, as an ISO interval: `1939/1945`. */
  span: z.string().regex(/^\d{4}\/\d{4}$/, 'expected years such as 1939/1945'),
})
export type Era = z.infer<typeof Era>

/** A head of state or government: `Ada M. Lindqvist`, aliases `Lindqvist`, country `SWE`. */
export const Leader = z.object({
  name: z.string().min(1),
  /** Other names texts use, the surname alone among them: the profile's pattern gives the context that makes it this person (`{leaders:SWE} government`). */
  aliases: z.array(z.string().min(1)).default([]),
  country: Trigraph,
})
export type Leader = z.infer<typeof Leader>

/** One knowledge file: any subset of the keys. */
export const KnowledgeFile = z
  .object({
    countries: z.array(KnownActor).default([]),
    organisations: z.array(KnownActor).default([]),
    /** Titles that introduce a person's name: `President`, `Secretary of State`, `Dr.`. */
    offices: z.array(z.string().min(1)).default([]),
    /** Expansions of acronyms, for those a text uses without spelling them out. */
    acronyms: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Capitalised forms that look like acronyms but are not terms: state codes, `U.S.`. */
    notTerms: z.array(z.string().min(1)).default([]),
    eras: z.array(Era).default([]),
    /** Names that contain an actor's name without meaning it: `South China Sea`, `New Mexico`. */
    notActors: z.array(z.string().min(1)).default([]),
    leaders: z.array(Leader).default([]),
  })
  .strict()
export type KnowledgeFile = z.infer<typeof KnowledgeFile>

/** All the knowledge extraction is given: the bundled files merged with a brief repository's own. */
export type Knowledge = KnowledgeFile

/** Later files add to earlier ones; an acronym they define again takes their expansion. */
export function mergeKnowledge(files: readonly KnowledgeFile[]): Knowledge {
  return {
    countries: files.flatMap((file) => file.countries),
    organisations: files.flatMap((file) => file.organisations),
    offices: [...new Set(files.flatMap((file) => file.offices))],
    acronyms: Object.assign({}, ...files.map((file) => file.acronyms)) as Record<string, string>,
    notTerms: [...new Set(files.flatMap((file) => file.notTerms))],
    eras: files.flatMap((file) => file.eras),
    notActors: [...new Set(files.flatMap((file) => file.notActors))],
    leaders: files.flatMap((file) => file.leaders),
  }
}

export const emptyKnowledge: Knowledge = mergeKnowledge([])

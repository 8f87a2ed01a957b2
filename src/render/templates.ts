import Handlebars from 'handlebars'
import { join } from 'node:path'
import { BriefdeckProblem } from '../model/index.js'

/** The contents of `templates/` that rendering needs, as loaded by `loadTemplates`. */
export interface Templates {
  /** The folder the templates came from; error messages name files inside it. */
  readonly root: string
  /** `slides/<name>.md.hbs`: the body of a slide, by template name. */
  readonly slides: Readonly<Record<string, string>>
  /** `partials/<name>.md.hbs`: shared pieces, used as `{{> name}}`. */
  readonly partials: Readonly<Record<string, string>>
  /** `notes.md.hbs`: a slide's speaker notes. */
  readonly notes: string
  /** `theme/**`: the Slidev theme, copied into every deck so that each deck folder builds on its own. */
  readonly theme: Readonly<Record<string, string>>
}

export type TemplateFunction = (context: object) => string

export interface CompiledTemplates {
  slide(name: string): TemplateFunction
  readonly notes: TemplateFunction
  /** Where a slide template lives, for messages about its output. */
  slideFile(name: string): string
}

/**
 * Compiles the templates in their own Handlebars environment. Values reach
 * templates already escaped for slides (see escape.ts), so Handlebars' HTML
 * escaping is off — it would escape the escapes — and strict mode turns a
 * misspelt field into an error instead of a silently empty slide.
 */
export function compileTemplates(templates: Templates): CompiledTemplates {
  const handlebars = Handlebars.create()
  const compile = (source: string, file: string) => compileFile(handlebars, source, file)
  for (const [name, source] of Object.entries(templates.partials)) {
    handlebars.registerPartial(name, compile(source, join(templates.root, 'partials', `${name}.md.hbs`)))
  }
  const slideFile = (name: string) => join(templates.root, 'slides', `${name}.md.hbs`)
  const slides = new Map<string, TemplateFunction>()
  return {
    slideFile,
    notes: compile(templates.notes, join(templates.root, 'notes.md.hbs')),
    slide(name) {
      const known = slides.get(name)
      if (known) return known
      const source = templates.slides[name]
      if (source === undefined)
        throw new BriefdeckProblem(
          `missing template for '${name}' slides`,
          { file: slideFile(name) },
          'missing-template',
        )
      const compiled = compile(source, slideFile(name))
      slides.set(name, compiled)
      return compiled
    },
  }
}

function compileFile(handlebars: typeof Handlebars, source: string, file: string): TemplateFunction {
  const problem = (error: unknown) => templateProblem(error, file)
  try {
    // Parsing first reports syntax errors now, with the file, rather than at first use.
    handlebars.parse(source)
  } catch (error) {
    throw problem(error)
  }
  const template = handlebars.compile(source, { noEscape: true, strict: true })
  return (context) => {
    try {
      return template(context)
    } catch (error) {
      throw problem(error)
    }
  }
}

function templateProblem(error: unknown, file: string): BriefdeckProblem {
  if (error instanceof BriefdeckProblem) return error
  const message = error instanceof Error ? error.message : String(error)
  const parseLine = /^Parse error on line (\d+):/.exec(message)
  const runtimePlace = / - (\d+):(\d+)$/.exec(message)
  const place = parseLine
    ? { file, line: Number(parseLine[1]) }
    : runtimePlace
      ? { file, line: Number(runtimePlace[1]), column: Number(runtimePlace[2]) + 1 }
      : { file }
  const summary = parseLine
    ? `template syntax error: ${message.split('\n').at(-1)}`
    : `template error: ${message.replace(/ - \d+:\d+$/, '')}`
  return new BriefdeckProblem(summary, place, 'template', { cause: error })
}

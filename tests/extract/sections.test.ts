import { describe, expect, it } from 'vitest'
import { looksLikeHeading, sectionsOf } from '../../src/extract/sections.js'
import { ingest } from '../../src/ingest/index.js'

describe('sections', () => {
  it('looksLikeHeading takes a short capitalised line without closing punctuation', () => {
    expect(looksLikeHeading('Issues for Congress')).toBe(true)
    expect(looksLikeHeading('Congress passed the act.')).toBe(false)
    expect(looksLikeHeading('the following')).toBe(false)
    expect(looksLikeHeading(`A ${'very '.repeat(15)}long line`)).toBe(false)
  })

  it('gives each paragraph the heading it sits under, and no argument to the heading line', () => {
    const document = ingest('Tariffs rose in 2025.\n\nIssues for Congress\n\nCongress may act.', { file: 'a.txt' })
    const sections = sectionsOf(document)
    const last = document.paragraphs.at(-1)!.index
    expect(sections.headingOf(last)).toBe('Issues for Congress')
    expect(document.paragraphs.filter((paragraph) => sections.isHeading(paragraph.index))).toHaveLength(1)
  })
})

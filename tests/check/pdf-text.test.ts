import { describe, expect, it } from 'vitest'
import { pdfPageTexts, splitPages } from '../../src/check/pdf-text.js'
import { EnvironmentProblem } from '../../src/model/index.js'

describe('pdfPageTexts', () => {
  it('blames the machine, not briefdeck, when poppler cannot read a PDF', async () => {
    const failure = pdfPageTexts(new TextEncoder().encode('not a PDF at all'))
    await expect(failure).rejects.toThrow(EnvironmentProblem)
    await expect(failure).rejects.toThrow(/^pdftotext could not read a printed PDF: /)
  })

  it('splits pages at form feeds, without the empty page after the last one', () => {
    expect(splitPages('one\fтwo\f')).toEqual(['one', 'тwo'])
  })
})

import { cac } from 'cac'
import { describe, expect, it } from 'vitest'
import { typedOptionValues } from '../../src/cli/option-values.js'

const command = cac('briefdeck')
  .command('serve <BRIEF>')
  .option('--add-reviewer <NAME>', 'name')
  .option('--port <N>', 'port', { default: 3040 })
  .option('--json', 'a flag')
  .option('--no-repo-templates', 'a negated flag')

describe('typedOptionValues', () => {
  it('keeps values as typed, where cac would read them as numbers', () => {
    expect(typedOptionValues(['serve', 'b.yaml', '--add-reviewer', ''], command.options)).toEqual({ addReviewer: '' })
    expect(typedOptionValues(['serve', 'b.yaml', '--add-reviewer', '007'], command.options)).toEqual({
      addReviewer: '007',
    })
    expect(typedOptionValues(['serve', 'b.yaml', '--add-reviewer=1e3', '--port', '08'], command.options)).toEqual({
      addReviewer: '1e3',
      port: '08',
    })
  })

  it('gives nothing for options not typed, so that defaults stay, and a flag never takes the next word', () => {
    expect(typedOptionValues(['serve', '--json', 'b.yaml', '--no-repo-templates'], command.options)).toEqual({})
    expect(typedOptionValues(['serve', 'b.yaml', '--', '--port', '1'], command.options)).toEqual({})
  })

  it('gives a value-less option the empty text, which the command then refuses', () => {
    expect(typedOptionValues(['serve', 'b.yaml', '--add-reviewer'], command.options)).toEqual({ addReviewer: '' })
  })
})

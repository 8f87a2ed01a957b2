// cac reads the command line with mri, which turns every option value that
// looks like a number into one: `--as ''` becomes 0 and `--as 007` becomes 7,
// and a reviewer called "0" is added for `--add-reviewer ''`. Names, texts
// and revisions must reach a command as they were typed, so the values of
// the options that take one are read again, as strings, by mri itself;
// commands parse the numbers they want (ports, scales) from those strings.
import type { Command } from 'cac'
import mri from 'mri'

type Options = Command['options']

/** Every value that `argv` gives an option taking one, under each of the option's names as cac spells them, as typed. */
export function typedOptionValues(argv: readonly string[], options: Options): Record<string, string | string[]> {
  const valued = options.filter((option) => !option.isBoolean)
  const parsed = mri([...argv], {
    string: valued.flatMap(typedNames),
    boolean: options.filter((option) => option.isBoolean && !option.negated).flatMap(typedNames),
  })
  const values: Record<string, string | string[]> = {}
  for (const option of valued)
    typedNames(option).forEach((typed, index) => {
      const value = parsed[typed] as string | string[] | undefined
      if (value !== undefined) values[option.names[index]!] = value
    })
  return values
}

/** `--add-reviewer <NAME>` → `add-reviewer`: the names as the command line spells them, in the order of `option.names`. */
function typedNames(option: Options[number]): string[] {
  return option.rawName
    .replace(/[<[].*$/, '')
    .split(',')
    .map((name) => name.trim().replace(/^-+/, ''))
}

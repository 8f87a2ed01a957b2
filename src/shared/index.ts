// Shared plumbing: the one module besides model/ that every stage may import.
// Processes, atomic writes, strict file reads, escaping and port numbers are
// done here once, on well-kept libraries where one exists.
export {
  runProcess,
  startProcess,
  slidevBin,
  stopSignals,
  type ProcessOptions,
  type ProcessOutput,
  type RunningProcess,
} from './process.js'
export { writeFileAtomic, temporarySibling, replaceDirectory, makeWorkFolder, removeAbandonedWork } from './atomic.js'
export { exists, isFile, isDirectory, readTextFile, decodeUtf8, type TextFileOptions } from './files.js'
export { shownPath } from './shown-path.js'
export { escapeHtml, escapeRegExp, nameAlternation, phraseAlternation } from './escape.js'
export { parsePort, portInUse, ensurePortFree } from './port.js'
export { plural } from './words.js'
export { hashParts, sha256 } from './hash.js'
export { formatIsoDate, yearOf } from './dates.js'
export { parseYamlFile, type ParsedYaml } from './yaml.js'

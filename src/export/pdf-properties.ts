// Document properties written into a printed PDF by pdf-lib, in a worker
// thread: loading and saving a deck's PDF is a tenth of a second of
// JavaScript, and the main thread meanwhile goes on driving Chromium
// through the next steps of the same page. One worker serves every PDF of
// the process, and holds the process open only while it has work.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export interface DocumentProperties {
  readonly title: string
  readonly author: string | undefined
  readonly subject: string
  readonly keywords: readonly string[]
}

export interface FinishedPdf {
  readonly bytes: Uint8Array
  readonly pages: number
}

interface Job {
  readonly id: number
  readonly pdf: Uint8Array
  readonly properties: DocumentProperties
}

type Answer =
  | { readonly id: number; readonly bytes: Uint8Array; readonly pages: number; readonly error?: undefined }
  | { readonly id: number; readonly error: string }

// pdf-lib rewrites only the information dictionary and keeps Chromium's structure tree and outline.
// CommonJS, evaluated as it is: the worker loads the same file from dist/ and from the sources under test.
const workerScript = `
const { parentPort, workerData } = require('node:worker_threads')
const { PDFDocument } = require(workerData.pdfLib)
parentPort.on('message', async ({ id, pdf, properties }) => {
  try {
    const document = await PDFDocument.load(pdf, { updateMetadata: false })
    document.setTitle(properties.title, { showInWindowTitleBar: true })
    if (properties.author) document.setAuthor(properties.author)
    document.setSubject(properties.subject)
    document.setKeywords([...properties.keywords])
    document.setCreator('briefdeck')
    const bytes = await document.save()
    parentPort.postMessage({ id, bytes, pages: document.getPageCount() }, [bytes.buffer])
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) })
  }
})
`
const pdfLib = createRequire(import.meta.url).resolve('pdf-lib')

let worker: Worker | undefined
let lastId = 0
const waiting = new Map<number, { resolve: (pdf: FinishedPdf) => void; reject: (error: Error) => void }>()

/** The PDF with the document's title, author, subject and keywords, and its page count. */
export function withProperties(pdf: Uint8Array, properties: DocumentProperties): Promise<FinishedPdf> {
  const job: Job = { id: ++lastId, pdf, properties }
  const finished = new Promise<FinishedPdf>((resolve, reject) => waiting.set(job.id, { resolve, reject }))
  const running = (worker ??= startWorker())
  running.ref()
  running.postMessage(job)
  return finished
}

function startWorker(): Worker {
  const started = new Worker(workerScript, { eval: true, workerData: { pdfLib } })
  started.on('message', (answer: Answer) => {
    const job = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (waiting.size === 0) started.unref()
    if (answer.error === undefined) job?.resolve({ bytes: answer.bytes, pages: answer.pages })
    else job?.reject(new Error(`pdf-lib could not give a printed PDF its properties: ${answer.error}`))
  })
  // A worker that died takes its jobs with it; the next PDF starts another.
  const fail = (error: Error) => {
    if (worker === started) worker = undefined
    for (const job of waiting.values()) job.reject(error)
    waiting.clear()
  }
  started.on('error', fail)
  started.on('exit', (code) => fail(new Error(`the PDF properties worker stopped (exit code ${code})`)))
  return started
}

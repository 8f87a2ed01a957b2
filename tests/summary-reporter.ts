import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends every run with the plain `tests: N passed, N failed, N skipped` line
 * that CI reads, whatever the default reporter prints above it.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
      // A file that fails to load has no test cases; count it as a failure.
      if (testModule.state() === 'failed' && testModule.children.size === 0) counts.failed++
    }
    counts.failed += unhandledErrors.length
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  }
}

// Loaded with `node --import` into every process of a build under test: in
// the print-site builder (the one process with a message channel), it kills
// the process as the second site reaches it, as the kernel's out-of-memory
// killer would, so that a test can see what the build makes of a builder
// that is gone.
if (process.send) {
  let sites = 0
  process.on('message', () => {
    sites += 1
    if (sites === 2) process.kill(process.pid, 'SIGKILL')
  })
}

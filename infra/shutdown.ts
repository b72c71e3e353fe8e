/**
 * Ctrl-C and SIGTERM for a process that starts a whole system (`npm start`, `npm run cluster`), installed before
 * start-up: a signal that comes while the system is still starting is kept, and the system is stopped as soon as
 * it is up — the parts it started are never left behind. `started` hands over the system; `request` asks for the
 * stop from elsewhere (a part that died for good, with exit code 1).
 */
export function stopOnSignals(
  log: (line: string) => void,
  what: string,
): {
  started: (system: { stop: () => Promise<void> }) => void;
  request: (why: string, exitCode: number) => void;
} {
  let system: { stop: () => Promise<void> } | null = null;
  let requested: { why: string; exitCode: number } | null = null;
  let stopping = false;
  const stopNow = () => {
    if (stopping || !system || !requested) return;
    stopping = true;
    const { why, exitCode } = requested;
    log(`${why}: stopping ${what}…`);
    system.stop().then(
      () => {
        log('stopped');
        process.exit(exitCode);
      },
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  const request = (why: string, exitCode: number) => {
    if (!requested && !system) log(`${why}: stopping once start-up has finished…`);
    requested ??= { why, exitCode };
    stopNow();
  };
  process.on('SIGINT', () => request('SIGINT', 0));
  process.on('SIGTERM', () => request('SIGTERM', 0));
  return {
    started: (s) => {
      system = s;
      stopNow();
    },
    request,
  };
}

import type { Log } from './measure';

/**
 * Undo steps in reverse order of registration. Runs once, also on Ctrl-C / SIGTERM, so a benchmark never
 * leaves a PostgreSQL, a Temporal dev server or a temp directory behind.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private done: Promise<void> | null = null;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.log(`${signal}: cleaning up…`);
    void this.run().finally(() => process.exit(130));
  };

  constructor(private readonly log: Log) {
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (err) {
          this.log(`cleanup "${step.name}" failed: ${String(err)}`);
        }
      }
      process.off('SIGINT', this.onSignal);
      process.off('SIGTERM', this.onSignal);
    })();
    return this.done;
  }
}

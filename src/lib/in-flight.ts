// Work under way, shared (#17): requests that arrive while a page is rendered or numbers are read wait for the same
// work instead of each starting it again, which after a change would repeat it once per waiting request.
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** The work under `key` already under way, or `work()` started now; forgotten once it settles. */
  run(key: string, work: () => Promise<T>): Promise<T> {
    let running = this.pending.get(key);
    if (!running) {
      running = work().finally(() => this.pending.delete(key));
      this.pending.set(key, running);
    }
    return running;
  }
}

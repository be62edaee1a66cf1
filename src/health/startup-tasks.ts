// What a process still has to do after it starts listening before it should take traffic: on a
// first start, creating the administrator and importing the initial content. /health/ready answers
// 503 until it is done, so a load balancer (or a newcomer's script) never sees an empty site.
import { Injectable } from '@nestjs/common';

@Injectable()
export class StartupTasks {
  private readonly pending = new Set<string>();

  /** Marks `task` as under way; call the function returned when it is done. */
  begin(task: string): () => void {
    this.pending.add(task);
    return () => this.pending.delete(task);
  }

  get pendingTasks(): string[] {
    return [...this.pending];
  }
}

// Durable scheduled publishing. The schedule lives in the article row (status 'scheduled',
// scheduled_at), so it survives restarts; every process polls, and `FOR UPDATE SKIP LOCKED`
// hands each due story to exactly one of them. After downtime the first poll finds everything
// overdue and publishes it: catching up needs no extra code.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ArticleWorkflowService } from '../articles/article-workflow.service.js';
import { ArticlesRepository } from '../articles/articles.repository.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { ProblemException } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

type Outcome = 'idle' | 'published' | 'failed';

/** Bounds one poll, so a backlog is worked off over several polls and shutdown stays prompt. */
const MAX_PER_POLL = 50;

@Injectable()
export class SchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly task: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ArticlesRepository,
    private readonly workflow: ArticleWorkflowService,
  ) {
    this.task = new PeriodicTask(() => this.poll(), config.schedulerIntervalMs);
  }

  onApplicationBootstrap(): void {
    if (this.config.schedulerEnabled) this.task.start(0);
  }

  /** Before the connection pool closes (onApplicationShutdown), so an in-flight poll can finish its transaction. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Publishes the stories that are due now; returns how many were published. */
  async publishDue(): Promise<number> {
    let published = 0;
    for (let i = 0; i < MAX_PER_POLL && !this.task.stopping; i += 1) {
      const outcome = await this.fireOne();
      if (outcome === 'idle') break;
      if (outcome === 'published') published += 1;
    }
    return published;
  }

  private async poll(): Promise<void> {
    try {
      const published = await this.publishDue();
      if (published) this.logger.log(`published ${published} scheduled ${published === 1 ? 'story' : 'stories'}`);
    } catch (error) {
      // The database may be briefly away; the next poll tries again.
      this.logger.error({ err: error }, 'scheduled publishing failed');
    }
  }

  /**
   * Claims one due story and publishes it in the claiming transaction. A story that cannot be
   * published (a photo lost its credit, say) goes back to draft instead of blocking the queue.
   */
  private fireOne(): Promise<Outcome> {
    return this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const id = await this.repository.claimDueScheduled(manager);
      if (!id) return 'idle';
      try {
        // A savepoint: a refused publish rolls back alone and the claim's lock is kept.
        const published = await manager.transaction((inner) => this.workflow.publishScheduled(inner, id));
        return published ? 'published' : 'idle';
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        this.logger.warn({ articleId: id, reason: error.detail }, 'a scheduled story could not be published; moved back to draft');
        await this.workflow.failScheduled(manager, id, error.detail, error.extensions);
        return 'failed';
      }
    });
  }
}

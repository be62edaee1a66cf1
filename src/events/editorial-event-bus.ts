// The one in-process path for editorial events. A writer emits an event with the EntityManager of
// its transaction; providers subscribe with a decorator, in one of two phases:
//
// - @OnEditorialEvent: runs inside the writing transaction, with its EntityManager. What it writes
//   commits or rolls back with the change, and if it throws the change rolls back (the search index
//   row, a webhook outbox row, the cache-invalidation notification).
// - @AfterEditorialCommit: runs once the outermost transaction has committed, outside it. A failure
//   is logged and undoes nothing (waking a delivery worker, say). Nothing runs after a rollback.
//
// Hand-written rather than an event-emitter package: the phases follow TypeORM transactions, which
// no general-purpose emitter knows about.
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { EditorialEvent, EditorialEventOf, EditorialEventType } from './editorial-events.js';

type Phase = 'in-transaction' | 'after-commit';
type InTransactionHandler = (event: EditorialEvent, manager: EntityManager) => Promise<void>;
type AfterCommitHandler = (event: EditorialEvent) => Promise<void> | void;

interface Subscription {
  types: readonly EditorialEventType[];
  method: string | symbol;
  phase: Phase;
}

const SUBSCRIPTIONS = Symbol('masthead:editorial-event-subscriptions');

const subscriptionsOf = (type: object): Subscription[] => (Reflect.getMetadata(SUBSCRIPTIONS, type) as Subscription[] | undefined) ?? [];

function subscribe(types: EditorialEventType | readonly EditorialEventType[], phase: Phase): MethodDecorator {
  return (target, method) => {
    const existing = subscriptionsOf(target.constructor);
    const subscription: Subscription = { types: typeof types === 'string' ? [types] : types, method, phase };
    Reflect.defineMetadata(SUBSCRIPTIONS, [...existing, subscription], target.constructor);
  };
}

/** Runs the method in the writing transaction for each event of these types. */
export function OnEditorialEvent<T extends EditorialEventType>(types: T | readonly T[]) {
  return subscribe(types, 'in-transaction') as <M extends (event: EditorialEventOf<T>, manager: EntityManager) => Promise<void>>(
    target: object,
    method: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ) => void;
}

/** Runs the method after the writing transaction committed, for each event of these types. */
export function AfterEditorialCommit<T extends EditorialEventType>(types: T | readonly T[]) {
  return subscribe(types, 'after-commit') as <M extends (event: EditorialEventOf<T>) => Promise<void> | void>(
    target: object,
    method: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ) => void;
}

interface Pending {
  event: EditorialEvent;
  /** The transaction depth it was emitted at: a rolled-back savepoint drops what it emitted. */
  depth: number;
}

/** TypeORM keeps the savepoint depth protected; it is only read here. */
const depthOf = (runner: QueryRunner) => (runner as unknown as { transactionDepth: number }).transactionDepth;

@Injectable()
export class EditorialEventBus implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(EditorialEventBus.name);
  private readonly inTransaction = new Map<EditorialEventType, InTransactionHandler[]>();
  private readonly afterCommit = new Map<EditorialEventType, AfterCommitHandler[]>();
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
  ) {}

  /** Every provider is instantiated by now: collect the decorated methods, and hear transactions end. */
  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      for (const s of subscriptionsOf(instance.constructor)) this.register(instance as Record<string | symbol, (...args: unknown[]) => unknown>, s);
    }
    this.dataSource.subscribers.push(this);
  }

  /**
   * Announces `event` in `manager`'s transaction: in-transaction subscribers run now, in order of
   * registration (one that throws rolls the caller's transaction back); after-commit subscribers run
   * when the outermost transaction commits. Outside a transaction both run at once.
   */
  async emit(manager: EntityManager, event: EditorialEvent): Promise<void> {
    const runner = manager.queryRunner;
    const inTransaction = runner?.isTransactionActive === true;
    // Queued before the in-transaction subscribers run, so events they emit in turn come after it.
    if (inTransaction && this.afterCommit.has(event.type)) {
      const pending = this.pending.get(runner) ?? [];
      pending.push({ event, depth: depthOf(runner) });
      this.pending.set(runner, pending);
    }
    for (const handler of this.inTransaction.get(event.type) ?? []) await handler(event, manager);
    if (!inTransaction) await this.runAfterCommit([event]);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    if (queryRunner.isTransactionActive) return; // a savepoint was released; the transaction goes on
    const pending = this.pending.get(queryRunner);
    if (!pending) return;
    this.pending.delete(queryRunner);
    // After the caller's transaction() resolves, not within it.
    setImmediate(() => void this.runAfterCommit(pending.map((p) => p.event)));
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const pending = this.pending.get(queryRunner);
    if (!pending) return;
    if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
    else this.pending.set(queryRunner, pending.filter((p) => p.depth <= depthOf(queryRunner)));
  }

  private register(instance: Record<string | symbol, (...args: unknown[]) => unknown>, subscription: Subscription): void {
    const method = instance[subscription.method].bind(instance);
    for (const type of subscription.types) {
      if (subscription.phase === 'in-transaction') push(this.inTransaction, type, method as InTransactionHandler);
      else push(this.afterCommit, type, method as AfterCommitHandler);
    }
  }

  private async runAfterCommit(events: readonly EditorialEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.afterCommit.get(event.type) ?? []) {
        try {
          await handler(event);
        } catch (error) {
          this.logger.error({ err: error, event: event.type }, 'an after-commit subscriber failed');
        }
      }
    }
  }
}

function push<H>(map: Map<EditorialEventType, H[]>, type: EditorialEventType, handler: H): void {
  const list = map.get(type) ?? [];
  list.push(handler);
  map.set(type, list);
}

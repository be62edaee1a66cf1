// Subscribes the index to the articles module's writes. EditorialStore is the only code that writes
// a working copy or a live version and runs its hooks inside the writing transaction, so no write
// path can forget the index and an index failure rolls the write back.
//
// The store is looked up rather than imported as a module, so ArticlesModule can import
// SearchModule (for `q` on the admin list) without a module cycle.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EditorialStore } from '../articles/editorial-store.service.js';
import { SearchIndexService } from './search-index.service.js';

@Injectable()
export class ArticleSearchSync implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly index: SearchIndexService,
  ) {}

  onModuleInit(): void {
    const store = this.moduleRef.get(EditorialStore, { strict: false });
    store.registerHook({
      workingCopySaved: (manager, article) => this.index.indexWorkingCopy(manager, article),
      liveVersionWritten: (manager, articleId) => this.index.syncPublished(manager, articleId),
      liveVersionRemoved: (manager, articleId) => this.index.removePublished(manager, articleId),
    });
  }
}

import { Global, Module } from '@nestjs/common';
import { ReadReplicas } from './read-replicas.js';

/** ReadReplicas for every module: the content cache tells it of changes; public repositories read through it. */
@Global()
@Module({ providers: [ReadReplicas], exports: [ReadReplicas] })
export class ReadReplicasModule {}

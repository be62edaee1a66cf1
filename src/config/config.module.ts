import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ResolvedConfig } from './config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the validated, resolved configuration injectable as `@Inject(APP_CONFIG) config: ResolvedConfig` (or the AppConfig part of it). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: ResolvedConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../access/decorators.js';
import { StartupTasks } from './startup-tasks.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly startup: StartupTasks,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ description: 'The process is up.' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: start-up is complete (on a first start, the initial content imported) and the database answers.' })
  @ApiServiceUnavailableResponse({ description: 'Still starting, or the database does not answer.' })
  ready() {
    return this.health.check([() => this.startupCheck(), () => this.db.pingCheck('database', { timeout: 3000 })]);
  }

  private startupCheck() {
    const pending = this.startup.pendingTasks;
    const indicator = this.indicators.check('startup');
    return pending.length ? indicator.down({ pending }) : indicator.up();
  }
}

// Serves the editors' console (built by Vite into CONSOLE_DIR, dist/console by default) at /admin.
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Public } from '../access/decorators.js';
import { NotFoundProblem, ProblemException } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { CONSOLE_CSP, consoleFileFor, ENCODINGS, IMMUTABLE, type ConsoleFile } from './console-files.js';

export class ConsoleNotBuiltProblem extends ProblemException {
  constructor(dir: string) {
    super(
      503,
      'console-not-built',
      'Service Unavailable',
      `The editors' console has not been built (no index.html in ${dir}). Run "npm run build" (or "npm run build:console") and reload; the API works without it.`,
    );
  }
}

@ApiExcludeController()
@Public()
@Controller('admin')
export class ConsoleHostController {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.consoleDir);
  }

  @Get()
  index(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(req, res, consoleFileFor([]));
  }

  @Get('*path')
  file(@Param('path') path: string[] | string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(req, res, consoleFileFor(Array.isArray(path) ? path : path.split('/')));
  }

  private async send(req: Request, res: Response, target: ConsoleFile | null): Promise<void> {
    // Checked per request: building the console while the server runs makes it appear.
    if (!existsSync(join(this.root, 'index.html'))) throw new ConsoleNotBuiltProblem(this.root);
    if (!target) throw new NotFoundProblem('This console file');
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    let file = target.file;
    if (target.cacheControl === IMMUTABLE) {
      res.setHeader('Vary', 'Accept-Encoding');
      const accepted = req.acceptsEncodings(ENCODINGS.map((e) => e.name));
      const encoding = ENCODINGS.find((e) => e.name === accepted && existsSync(join(this.root, file + e.suffix)));
      if (encoding) {
        res.type(file.slice(file.lastIndexOf('.')));
        res.setHeader('Content-Encoding', encoding.name);
        file += encoding.suffix;
      }
    }
    await new Promise<void>((done, fail) =>
      res.sendFile(
        file,
        { root: this.root, dotfiles: 'deny', cacheControl: false, headers: { 'Cache-Control': target.cacheControl } },
        (error?: Error & { status?: number }) => {
          if (!error) return done();
          if (res.headersSent) return done();
          for (const header of ['Cache-Control', 'Content-Encoding', 'Content-Type']) res.removeHeader(header);
          fail(error.status === 404 || error.status === 403 ? new NotFoundProblem('This console file') : error);
        },
      ),
    );
  }
}

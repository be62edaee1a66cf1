import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, RequirePermissions } from '../auth/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../auth/openapi.js';
import { Permission } from '../auth/permissions.js';
import { ImportPageDto, pageSourceOf } from './dto/import-page.dto.js';
import { ImportReportDto } from './dto/import-report.dto.js';
import { ImportService } from './import.service.js';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/admin/imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  // Also documents the 401 and 403 answers, naming the permission.
  @RequirePermissions(Permission.ImportRun)
  @ApiOperation({
    summary: 'Import a newspaper page from plain text or HTML',
    description:
      'Requires import.run. Parses the page into a story (headline, dateline, byline, photo caption and credit, body) and its teasers. ' +
      'With `dryRun` only the parse result is returned; otherwise the story and one draft per teaser are created as drafts. ' +
      'Importing the same page again (also as a dry run) changes nothing and answers `outcome: duplicate`. ' +
      'The parse result rates each field (`parsed.confidence`, 0..1) and lists what it guessed (`parsed.guesses`).',
  })
  @ApiResponse({ status: 201, type: ImportReportDto, description: 'Imported: the story and teaser drafts were created.' })
  @ApiResponse({ status: 200, type: ImportReportDto, description: 'A dry run (nothing written), or a page imported before (`duplicate`).' })
  @ApiResponse({
    status: 422,
    type: ValidationProblemResponse,
    description:
      'Not a readable page (empty, binary, over 1 MB, no story, HTML with too many elements), both or neither of text and html, or unknown fields; nothing is written.',
  })
  @ApiResponse({ status: 413, type: ProblemResponse, description: 'HTML larger than the page limit; nothing is written.' })
  async import(@CurrentUser() user: AuthUser, @Body() body: ImportPageDto, @Res({ passthrough: true }) res: Response): Promise<ImportReportDto> {
    const report = await this.imports.importPage(pageSourceOf(body), { filename: body.filename ?? null, actor: user, dryRun: body.dryRun });
    if (report.outcome === 'created') res.status(201).location(`/api/admin/articles/${report.articleId}`);
    else res.status(200);
    return report;
  }
}

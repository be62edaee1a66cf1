import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequirePermissions } from '../access/decorators.js';
import { ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import { ImportPageDto } from './dto/import-page.dto.js';
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
    summary: 'Import a newspaper page from plain text',
    description:
      'Requires import.run. Parses the page into a story (headline, dateline, byline, photo caption and credit, body) and its teasers. ' +
      'With `dryRun` only the parse result is returned; otherwise the story and one draft per teaser are created as drafts. ' +
      'Importing the same text again changes nothing and answers `outcome: duplicate`.',
  })
  @ApiResponse({ status: 201, type: ImportReportDto, description: 'Imported: the story and teaser drafts were created.' })
  @ApiResponse({ status: 200, type: ImportReportDto, description: 'A dry run (nothing written), or a page imported before (`duplicate`).' })
  @ApiResponse({
    status: 422,
    type: ValidationProblemResponse,
    description: 'Not a readable page (empty, binary, over 1 MB, no story), or unknown fields; nothing is written.',
  })
  async import(@CurrentUser() user: AuthUser, @Body() body: ImportPageDto, @Res({ passthrough: true }) res: Response): Promise<ImportReportDto> {
    const report = await this.imports.importPage({ text: body.text }, { filename: body.filename ?? null, actor: user, dryRun: body.dryRun });
    if (report.outcome === 'created') res.status(201).location(`/api/admin/articles/${report.articleId}`);
    else res.status(200);
    return report;
  }
}

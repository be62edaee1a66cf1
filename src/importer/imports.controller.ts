import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser } from '../access/decorators.js';
import { AdminEndpoint, needs } from '../access/endpoints.js';
import { Permission } from '../access/permissions.js';
import { ValidationProblemResponse } from '../common/openapi.js';
import { CreatedAt } from '../common/response-headers.js';
import { ImportPageDto, pageSourceOf } from './dto/import-page.dto.js';
import { ImportReportDto } from './dto/import-report.dto.js';
import { ImportService } from './import.service.js';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/admin/imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  @CreatedAt<ImportReportDto>((report) => `/api/admin/articles/${report.articleId}`, (report) => report.outcome === 'created')
  @AdminEndpoint(needs(Permission.ImportRun), {
    summary: 'Import a newspaper page from plain text or HTML',
    description:
      'Requires import.run. Parses the page into a story (headline, dateline, byline, photo caption and credit, body) and its teasers. ' +
      'With `dryRun` only the parse result is returned; otherwise the story and one draft per teaser are created as drafts. ' +
      'Importing the same page again (also as a dry run) changes nothing and answers `outcome: duplicate`. ' +
      'The parse result rates each field (`parsed.confidence`, 0..1) and lists what it guessed (`parsed.guesses`).',
    answers: {
      201: { type: ImportReportDto, description: 'Imported: the story and teaser drafts were created; Location names the story.' },
      200: { type: ImportReportDto, description: 'A dry run (nothing written), or a page imported before (`duplicate`).' },
      413: 'HTML larger than the page limit; nothing is written.',
      422: {
        type: ValidationProblemResponse,
        description:
          'Not a readable page (empty, binary, over 1 MB, no story, HTML with too many elements), both or neither of text and html, or unknown fields; nothing is written.',
      },
    },
  })
  import(@CurrentUser() user: AuthUser, @Body() body: ImportPageDto): Promise<ImportReportDto> {
    return this.imports.importPage(pageSourceOf(body), { filename: body.filename ?? null, actor: user, dryRun: body.dryRun });
  }
}

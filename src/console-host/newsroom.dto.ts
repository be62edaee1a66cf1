// The newsroom settings the console needs: the time zone it shows times in, and the credit rule.
import { ApiProperty } from '@nestjs/swagger';

export class NewsroomDto {
  @ApiProperty({ example: 'Asia/Kuala_Lumpur', description: 'IANA time zone the newsroom works in (NEWSROOM_TIME_ZONE).' }) timeZone: string;
  @ApiProperty({ description: 'Publishing is refused while a photo has no credit line (REQUIRE_PHOTO_CREDIT).' }) requirePhotoCredit: boolean;
}

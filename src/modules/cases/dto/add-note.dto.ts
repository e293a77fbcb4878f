import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_TEXT } from './create-case.dto';

export class AddNoteDto {
  @ApiProperty({ example: 'Source IP belongs to a known scanner range.', maxLength: MAX_TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TEXT)
  note!: string;
}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { CaseMergeService } from './case-merge.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [AuthModule],
  controllers: [CasesController],
  providers: [CasesService, CasesRepository, CaseMergeService],
  exports: [CasesService, CaseMergeService],
})
export class CasesModule {}

export { AuthModule } from './auth.module';
export { UsersService } from './users.service';

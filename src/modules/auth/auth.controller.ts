import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public, Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ALL_ROLES } from '../../common/auth/role-groups';
import type { AuthUser } from '../../common/auth/auth-user';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { SignupDto } from './dto/signup.dto';
import { LoginResponseDto, toUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('signup')
  @Public()
  @ApiOperation({
    summary: 'Create an account: the first one is ADMIN; later ones depend on SIGNUP_MODE',
    description:
      'approval (default): an inactive ANALYST that can log in once an ADMIN sets isActive: true; ' +
      'open: an active ANALYST; closed: 403 once the first user exists.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiForbiddenResponse({ description: 'SIGNUP_MODE=closed and the first user exists' })
  @ApiConflictResponse({ description: 'Email already registered' })
  async signup(@Body() dto: SignupDto, @Ip() ip: string): Promise<UserDto> {
    return toUserDto(await this.users.signup(dto, ip));
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Exchange email and password for a JWT' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Bad credentials (same message for unknown email)' })
  @ApiForbiddenResponse({ description: 'Right password, but the signup awaits approval' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed logins for this account (from any address) or from this address; ' +
      'Retry-After says when to try again',
  })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(dto, ip);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return toUserDto(await this.users.get(user.id));
  }
}

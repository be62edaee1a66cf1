// Every migration in order, listed explicitly (no globs) so Node, Jest and the CLI agree.
// Add new ones at the end.
import { Extensions1764460800000 } from '../../migrations/1764460800000-extensions.js';
import { Identity1796005994685 } from '../../migrations/1796005994685-identity.js';
import { MediaLibrary1796006164740 } from '../../migrations/1796006164740-media-library.js';
import { LoginThrottle1796006634874 } from '../../migrations/1796006634874-login-throttle.js';
import { Stories1796006663100 } from '../../migrations/1796006663100-stories.js';
import { MediaSearch1796006975170 } from '../../migrations/1796006975170-media-search.js';
import { Search1796007308701 } from '../../migrations/1796007308701-search.js';
import { ImportRecords1796008796586 } from '../../migrations/1796008796586-import-records.js';
import { RefreshTokenExpiry1796017163898 } from '../../migrations/1796017163898-refresh-token-expiry.js';
import { Distribution1796100000000 } from '../../migrations/1796100000000-distribution.js';
import { SessionEnds1796619490260 } from '../../migrations/1796619490260-session-ends.js';
import { LoginDelays1796619490261 } from '../../migrations/1796619490261-login-delays.js';
import { Webhooks1796623129365 } from '../../migrations/1796623129365-webhooks.js';
import { SearchPendingLists1796632000000 } from '../../migrations/1796632000000-search-pending-lists.js';

export const migrations: Function[] = [Extensions1764460800000, Identity1796005994685, MediaLibrary1796006164740, LoginThrottle1796006634874, Stories1796006663100, MediaSearch1796006975170, Search1796007308701, ImportRecords1796008796586, RefreshTokenExpiry1796017163898, Distribution1796100000000, SessionEnds1796619490260, LoginDelays1796619490261, Webhooks1796623129365, SearchPendingLists1796632000000];

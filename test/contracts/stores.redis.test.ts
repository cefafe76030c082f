import { describe } from 'vitest';
import { RedisAlertStore, RedisAnnouncementLedger } from '../../src/store/alerts.redis-store.ts';
import { RedisAuditLog } from '../../src/store/audit.redis-store.ts';
import { RedisDeliveryLedger } from '../../src/store/delivery-ledger.redis-store.ts';
import { RedisDigestStore } from '../../src/store/digests.redis-store.ts';
import { RedisFaqFeedbackStore } from '../../src/store/faq-feedback.redis-store.ts';
import { RedisFaqOverrideStore } from '../../src/store/faq-overrides.redis-store.ts';
import { RedisListingsStore } from '../../src/store/listings/listings.redis-store.ts';
import { RedisRateLimiter } from '../../src/store/rate-limiter.redis-store.ts';
import { RedisReminderStore } from '../../src/store/reminders.redis-store.ts';
import { RedisSettingsStore } from '../../src/store/settings.redis-store.ts';
import { RedisTrackerStore } from '../../src/store/tracker.redis-store.ts';
import {
  alertStoreContract,
  announcementLedgerContract,
  digestWaitingContract,
} from './alert-store.contract.ts';
import { auditLogContract } from './audit-log.contract.ts';
import { faqFeedbackStoreContract, faqOverrideStoreContract } from './faq-stores.contract.ts';
import { onRedis } from './harness.ts';
import { listingsStoreContract } from './listings-store.contract.ts';
import { rateLimiterContract } from './rate-limiter.contract.ts';
import { deliveryLedgerContract, reminderStoreContract } from './reminder-store.contract.ts';
import { settingsStoreContract } from './settings-store.contract.ts';
import { trackerStoreContract } from './tracker-store.contract.ts';

// The Redis stores the app runs on, held to the contracts their in-memory fakes pass (stores.memory.test.ts).
describe('redis reminder store', () =>
  reminderStoreContract(onRedis((r, k) => new RedisReminderStore(r, k))));
describe('redis delivery ledger', () =>
  deliveryLedgerContract(
    onRedis((r, k) => new RedisDeliveryLedger(r, (id) => k.k('reminder', id, 'ledger'), Date.now)),
  ));
describe('redis tracker store', () => trackerStoreContract(onRedis((r, k) => new RedisTrackerStore(r, k))));
describe('redis alert store', () => alertStoreContract(onRedis((r, k) => new RedisAlertStore(r, k))));
describe('redis announcement ledger', () =>
  announcementLedgerContract(onRedis((r, k) => new RedisAnnouncementLedger(r, k))));
describe('redis digests', () => digestWaitingContract(onRedis((r, k) => new RedisDigestStore(r, k))));
describe('redis audit log', () => auditLogContract(onRedis((r, k) => new RedisAuditLog(r, k))));
describe('redis settings store', () =>
  settingsStoreContract(onRedis((r, k) => new RedisSettingsStore(r, k))));
describe('redis listings store', () =>
  listingsStoreContract(onRedis((r, k) => new RedisListingsStore(r, k))));
describe('redis rate limiter', () => rateLimiterContract(onRedis((r, k) => new RedisRateLimiter(r, k))));
describe('redis FAQ overrides', () =>
  faqOverrideStoreContract(onRedis((r, k) => new RedisFaqOverrideStore(r, k))));
describe('redis FAQ feedback', () =>
  faqFeedbackStoreContract(onRedis((r, k) => new RedisFaqFeedbackStore(r, k))));

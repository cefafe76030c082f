import { describe } from 'vitest';
import { MemoryAlertStore, MemoryAnnouncementLedger, MemoryDigests } from '../fakes/memory-alerts.ts';
import { MemoryAuditLog } from '../fakes/memory-audit-log.ts';
import { MemoryFaqFeedbackStore, MemoryFaqOverrideStore } from '../fakes/memory-faq.ts';
import { MemoryListingsStore } from '../fakes/memory-listings-store.ts';
import { MemoryRateLimiter } from '../fakes/memory-rate-limiter.ts';
import { MemoryDeliveryLedger, MemoryReminderStore } from '../fakes/memory-reminder-store.ts';
import { MemorySettingsStore } from '../fakes/memory-settings-store.ts';
import { MemoryTrackerStore } from '../fakes/memory-tracker-store.ts';
import {
  alertStoreContract,
  announcementLedgerContract,
  digestWaitingContract,
} from './alert-store.contract.ts';
import { auditLogContract } from './audit-log.contract.ts';
import { faqFeedbackStoreContract, faqOverrideStoreContract } from './faq-stores.contract.ts';
import { inMemory } from './harness.ts';
import { listingsStoreContract } from './listings-store.contract.ts';
import { rateLimiterContract } from './rate-limiter.contract.ts';
import { deliveryLedgerContract, reminderStoreContract } from './reminder-store.contract.ts';
import { settingsStoreContract } from './settings-store.contract.ts';
import { trackerStoreContract } from './tracker-store.contract.ts';

// The in-memory fakes of test/fakes, held to the same contracts as the Redis stores (stores.redis.test.ts).
describe('memory reminder store', () => reminderStoreContract(inMemory(() => new MemoryReminderStore())));
describe('memory delivery ledger', () => deliveryLedgerContract(inMemory(() => new MemoryDeliveryLedger())));
describe('memory tracker store', () => trackerStoreContract(inMemory(() => new MemoryTrackerStore())));
describe('memory alert store', () => alertStoreContract(inMemory(() => new MemoryAlertStore())));
describe('memory announcement ledger', () =>
  announcementLedgerContract(inMemory(() => new MemoryAnnouncementLedger())));
describe('memory digests', () => digestWaitingContract(inMemory(() => new MemoryDigests())));
describe('memory audit log', () => auditLogContract(inMemory(() => new MemoryAuditLog())));
describe('memory settings store', () => settingsStoreContract(inMemory(() => new MemorySettingsStore())));
describe('memory listings store', () => listingsStoreContract(inMemory(() => new MemoryListingsStore())));
describe('memory rate limiter', () => rateLimiterContract(inMemory(() => new MemoryRateLimiter())));
describe('memory FAQ overrides', () =>
  faqOverrideStoreContract(inMemory(() => new MemoryFaqOverrideStore())));
describe('memory FAQ feedback', () => faqFeedbackStoreContract(inMemory(() => new MemoryFaqFeedbackStore())));

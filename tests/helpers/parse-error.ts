/** Asserts that reading a body fails with the adapter's named error, for the given family and reason. */
import { expect } from 'vitest';
import type { ProviderId } from '@/lib/core/model';
import { ProviderParseError, type ParseFailure } from '@/lib/capture/types';

export function expectParseError(read: () => unknown, provider: ProviderId, failure: ParseFailure): void {
  let thrown: unknown;
  try {
    read();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ProviderParseError);
  expect((thrown as ProviderParseError).failure).toBe(failure);
  expect((thrown as ProviderParseError).provider).toBe(provider);
}

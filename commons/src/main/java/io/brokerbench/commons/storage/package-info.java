/**
 * The file-system boundary of both engines: {@link io.brokerbench.commons.storage.Storage} and
 * {@link io.brokerbench.commons.storage.StorageFile}, with {@link
 * io.brokerbench.commons.storage.FileSystemStorage} for a real disk (its {@link
 * io.brokerbench.commons.storage.FileAccess} chooses channels or random-access files) and {@link
 * io.brokerbench.commons.storage.InMemoryStorage} for tests that simulate a power loss.
 */
package io.brokerbench.commons.storage;

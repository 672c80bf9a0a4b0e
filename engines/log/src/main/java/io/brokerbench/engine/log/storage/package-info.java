/**
 * The file-system boundary of the log engine: {@link io.brokerbench.engine.log.storage.Storage} and
 * {@link io.brokerbench.engine.log.storage.StorageFile}, with the real implementation {@link
 * io.brokerbench.engine.log.storage.FileSystemStorage}. Tests substitute a power-loss double.
 */
package io.brokerbench.engine.log.storage;

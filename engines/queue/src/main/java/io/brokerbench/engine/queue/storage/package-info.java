/**
 * The file I/O the engine does, behind a small interface: {@link
 * io.brokerbench.engine.queue.storage.FileStorage} for a real directory and {@link
 * io.brokerbench.engine.queue.storage.InMemoryStorage} for tests that simulate a power loss.
 */
package io.brokerbench.engine.queue.storage;

/**
 * How target {@code redis} gets a server: {@link io.brokerbench.adapter.redis.provision.RedisProvisioner}
 * chooses with the shared {@link io.brokerbench.provision.ProvisionChoice} between a Testcontainers
 * container, a private redis-server started from the installed executable
 * ({@link io.brokerbench.adapter.redis.provision.LocalRedisServer}, a
 * {@link io.brokerbench.provision.ChildProcess} that never outlives the harness) and an external
 * server ({@link io.brokerbench.adapter.redis.provision.ExternalAddress}).
 */
package io.brokerbench.adapter.redis.provision;

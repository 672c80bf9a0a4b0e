/**
 * How target {@code redis} gets a server: {@link io.brokerbench.adapter.redis.provision.RedisProvisioner}
 * decides with the shared {@link io.brokerbench.provision.ProvisionDecision} between a Testcontainers
 * container ({@link io.brokerbench.adapter.redis.provision.ContainerConfig}), a private redis-server
 * started from the installed executable ({@link io.brokerbench.adapter.redis.provision.LocalRedisServer},
 * a shared {@link io.brokerbench.provision.LocalServer} that never outlives the harness) and an
 * external server ({@link io.brokerbench.adapter.redis.provision.ExternalAddress}). What is Redis's
 * own lives here: the executable and its version, the configuration file, the {@code PING}
 * readiness check, the settings it takes.
 */
package io.brokerbench.adapter.redis.provision;

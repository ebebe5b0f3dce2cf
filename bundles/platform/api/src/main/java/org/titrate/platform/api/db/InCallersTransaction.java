package org.titrate.platform.api.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an SPI whose implementations are called inside the caller's JTA transaction (a posting listener, a
 * guard asked during an update). An implementation must read and write through the transaction's JDBC
 * connection ({@link Sql}) and never through an entity manager of its own module: a second persistence unit
 * joining another module's transaction broke the pooled XA connections under load (docs/persistence.md).
 * An integration test walks every such implementation's component references and fails when one reaches a
 * {@code JpaTemplate}, {@code EntityManager}, {@code EntityManagerFactory} or {@code EmSupplier}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InCallersTransaction {
}

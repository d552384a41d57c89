package io.consentplatform.core.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;

/**
 * Runs a {@link TenantScoped} service's operation inside a transaction confined to its caller's
 * tenant. It sits inside the {@code @Transactional} interceptors (a higher priority number), so
 * that it confines the transaction the method really runs in; a read that declared no transaction
 * gets one, since the confinement lives exactly as long as a transaction.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
class TenantScopeInterceptor {

  private final EntityManager entityManager;

  TenantScopeInterceptor(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @AroundInvoke
  Object confine(InvocationContext invocation) throws Exception {
    Caller caller = callerOf(invocation);
    if (caller == null) {
      return invocation.proceed(); // an operation that is not a tenant's (e.g. signing in)
    }
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              TenantIsolation.confine(entityManager, caller.tenantId());
              return invocation.proceed();
            });
  }

  private static Caller callerOf(InvocationContext invocation) {
    for (Object parameter : invocation.getParameters()) {
      if (parameter instanceof Caller caller) {
        return caller;
      }
    }
    return null;
  }
}

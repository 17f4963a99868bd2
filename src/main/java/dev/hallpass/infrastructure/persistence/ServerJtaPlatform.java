package dev.hallpass.infrastructure.persistence;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformException;

/**
 * Hibernate's JTA platform for whichever server runs the WAR: finds the transaction manager under
 * the JNDI name each server binds it to (Hibernate's own detection knows WildFly, not Payara/GlassFish).
 */
public class ServerJtaPlatform extends AbstractJtaPlatform {

    private static final List<String> TRANSACTION_MANAGERS = List.of(
            "java:appserver/TransactionManager",   // Payara, GlassFish
            "java:jboss/TransactionManager",       // WildFly
            "java:/TransactionManager");
    private static final List<String> USER_TRANSACTIONS = List.of(
            "java:comp/UserTransaction", "java:jboss/UserTransaction");

    @Override
    protected TransactionManager locateTransactionManager() {
        return (TransactionManager) first(TRANSACTION_MANAGERS);
    }

    @Override
    protected UserTransaction locateUserTransaction() {
        return (UserTransaction) first(USER_TRANSACTIONS);
    }

    private Object first(List<String> names) {
        for (String name : names) {
            try {
                Object found = jndiService().locate(name);
                if (found != null) {
                    return found;
                }
            } catch (JndiException notHere) {
                // try the next server's name
            }
        }
        throw new JtaPlatformException("None of " + names + " is bound in JNDI");
    }
}

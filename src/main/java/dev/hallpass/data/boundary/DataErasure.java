package dev.hallpass.data.boundary;

import dev.hallpass.account.boundary.AccountChanged;
import dev.hallpass.data.control.DataChanged;
import dev.hallpass.data.control.DataStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.List;

/**
 * User data is erased with the account, in the erasure's own transaction (session data went with the
 * sessions, which the same erasure ended); once that commits, each erased document is announced like any
 * change, so no node's cache keeps serving it (a new account of the same name sees none of it).
 */
@ApplicationScoped
public class DataErasure {

    @Inject
    DataStore store;

    @Inject
    Clock clock;

    @Inject
    Event<DataChanged> changes;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void onAccountChanged(@Observes AccountChanged change) {
        if (change.change() != AccountChanged.Change.ERASED) {
            return;
        }
        List<DataChanged> erased = store.eraseUser(change.username(), clock.instant());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    erased.forEach(changes::fire);
                }
            }
        });
    }
}

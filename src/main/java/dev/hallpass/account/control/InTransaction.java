package dev.hallpass.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a piece of work in a transaction of its own, for callers that must do slow work (password
 * hashing) outside one: the hash is computed first, then only the short database part is transactional.
 */
@ApplicationScoped
public class InTransaction {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
